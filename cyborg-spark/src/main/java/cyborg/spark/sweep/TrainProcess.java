package cyborg.spark.sweep;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs {@code cyborg train} in a child JVM. DJL allows one gradient collector per JVM, so two
 * trainings cannot share one: each run trains in its own process, on the class path of this
 * JVM (the launcher's {@code cyborg-cli.jar}, whose manifest lists its libraries, or the shaded
 * application jar under spark-submit), told how many cores it may use. The command-line tool's
 * main class is given by the tool itself ({@link Sweep.Settings#trainMain}): this module does not
 * depend on it. The child runs in its own process group, stopped with it when the task is
 * cancelled or this JVM shuts down ({@link ProcessGroup}); its output goes to the run's log, a
 * crash report of its JVM into the run's folder, and it ends itself when this JVM dies however it
 * dies (see {@link ParentWatch}).
 */
public final class TrainProcess {
    /** Lines of the log shown when a training fails. */
    static final int TAIL_LINES = 15;

    private TrainProcess() {}

    /** The child's class path: where this class was loaded from, then this JVM's class path. */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        try {
            var source = TrainProcess.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                entries.add(Path.of(source.getLocation().toURI()).toString());
            }
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            // fall back to the JVM's class path alone
        }
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The child's command line: a JVM with {@code heap} and {@code cores} threads, then
     * {@code main <args>}; a fatal error report ({@code hs_err_pid<pid>.log}) goes into
     * {@code runDir}, not the working folder of whoever started the sweep.
     */
    static List<String> command(String main, List<String> args, int cores, String heap, Path runDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:ErrorFile=" + runDir.toAbsolutePath().resolve("hs_err_pid%p.log"));
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:ActiveProcessorCount=" + cores);
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Djava.awt.headless=true");
        // PtEngine reads these when the engine starts: PyTorch's intra-op and inter-op thread pools
        cmd.add("-Dai.djl.pytorch.num_threads=" + cores);
        cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(ParentWatch.class.getName());
        cmd.add(main);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs {@code cyborg <args>} to its end, appending its output to {@code log}.
     *
     * @param main the command-line tool's main class
     * @throws IOException when it exits non-zero, with the log's last lines
     */
    static void run(String main, List<String> args, int cores, String heap, Path log)
            throws IOException, InterruptedException {
        run(main, args, cores, heap, log, java.util.Map.of());
    }

    /** As above, with {@code env} added to the child's environment (e.g. the GPU it may see). */
    static void run(String main, List<String> args, int cores, String heap, Path log, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command(main, args, cores, heap, log.getParent()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        String threads = Integer.toString(cores);
        pb.environment().put("OMP_NUM_THREADS", threads);
        pb.environment().put("MKL_NUM_THREADS", threads);
        pb.environment().putAll(env);
        cyborg.io.AtomicFiles.appendString(log, "$ cyborg " + String.join(" ", args) + "\n");
        ProcessGroup child = ProcessGroup.start(pb);
        try {
            int status = child.process().waitFor();
            if (status != 0) {
                throw new IOException("cyborg " + args.get(0) + " exited with status " + status + "; the end of " + log
                        + ":\n" + tail(log, TAIL_LINES));
            }
        } finally {
            if (child.process().isAlive()) { // interrupted (a cancelled task): the training must not outlive it
                child.stop();
            }
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
