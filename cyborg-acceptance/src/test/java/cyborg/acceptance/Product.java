package cyborg.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs the product as a user does: {@code ./cyborg ...} and {@code tools/spark/spark-submit ...} from the
 * repository root, each a subprocess whose stdout and stderr go to {@code target/acceptance/logs/NN-NAME.out|err}
 * and whose tails a failure message shows. Every process started in the background is registered, and
 * {@link #stopAll()} (each class's @AfterAll) ends it and whatever it started, even when a case failed.
 */
final class Product {
    static final Path ROOT = Path.of(System.getProperty("cyborg.root", "..")).toAbsolutePath().normalize();
    /** Everything a run writes; made afresh by each run of the suite (data, models, logs). */
    static final Path WORK = Path.of(System.getProperty("cyborg.acceptance.work", "target/acceptance"))
            .toAbsolutePath().normalize();
    static final Path LOGS = WORK.resolve("logs");
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** The launcher's note when it builds: the reactor built the jar, so a run must never build again. */
    private static final String BUILDING = "cyborg: building";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final List<Started> STARTED = new CopyOnWriteArrayList<>();

    static {
        try {
            deleteTree(WORK);
            Files.createDirectories(LOGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Product() {
    }

    /** {@code ./cyborg ARGS} to its end (at most 5 minutes). */
    static Run cyborg(String name, String... args) {
        return run(name, DEFAULT_TIMEOUT, launcher(args));
    }

    static List<String> launcher(String... args) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("cyborg").toString());
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** tools/spark/spark-submit with the shaded jar: {@code --class cyborg.cli.CyborgCommand JAR ARGS}. */
    static List<String> sparkSubmit(String master, String... args) {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("tools/spark/spark-submit").toString(),
                "--master", master, "--class", "cyborg.cli.CyborgCommand",
                ROOT.resolve("cyborg-spark-app/target/cyborg-spark-app.jar").toString()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    static Run run(String name, Duration timeout, List<String> command) {
        Started started = start(name, command);
        try {
            if (!started.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                started.kill();
                fail(name + ": did not end within " + timeout + "; killed.\n" + started.tails());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.kill();
            fail(name + ": interrupted");
        }
        STARTED.remove(started);
        Run run = new Run(name, command, started.process().exitValue(), started.out(), started.err());
        run.assertNotRebuilt();
        return run;
    }

    /** Starts COMMAND in the background, from the repository root; {@link #stopAll()} ends it. */
    static Started start(String name, List<String> command) {
        String file = String.format("%02d-%s", SEQUENCE.incrementAndGet(), name);
        Path out = LOGS.resolve(file + ".out");
        Path err = LOGS.resolve(file + ".err");
        try {
            Files.writeString(LOGS.resolve(file + ".cmd"), String.join(" ", command) + "\n");
            Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            Started started = new Started(name, command, process, out, err);
            STARTED.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": could not start " + command, e);
        }
    }

    /** Ends every process still running (SIGTERM, then SIGKILL after 20 s), with what each started. */
    static void stopAll() {
        for (Started started : STARTED) {
            started.stop(Duration.ofSeconds(20));
            STARTED.remove(started);
        }
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file.getFileName() + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable " + file + ": " + e.getMessage() + ")";
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A finished run: its exit status and output files. */
    record Run(String name, List<String> command, int exit, Path out, Path err) {
        String stdout() {
            return read(out);
        }

        String stderr() {
            return read(err);
        }

        /** Asserts exit status 0; the message shows the command and both tails. */
        Run ok() {
            assertEquals(0, exit, () -> describe());
            return this;
        }

        String describe() {
            return name + ": '" + String.join(" ", command) + "' exited " + exit + "\n--- stdout (tail):\n"
                    + tail(out, 40) + "\n--- stderr (tail):\n" + tail(err, 40);
        }

        void assertNotRebuilt() {
            assertFalse(stderr().contains(BUILDING), () -> name + ": the launcher rebuilt the toolkit although"
                    + " the reactor had just built it (its needs_build found a source newer than the jar)\n" + describe());
        }
    }

    /** A process started in the background. */
    record Started(String name, List<String> command, Process process, Path out, Path err) {
        String tails() {
            return "'" + String.join(" ", command) + "'\n--- stdout (tail):\n" + tail(out, 40)
                    + "\n--- stderr (tail):\n" + tail(err, 40);
        }

        String stdout() {
            return read(out);
        }

        String stderr() {
            return read(err);
        }

        /** SIGTERM, and SIGKILL for it and what it started if they are not gone within {@code grace}. */
        void stop(Duration grace) {
            List<ProcessHandle> descendants = process.descendants().toList();
            process.destroy();
            try {
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            kill(descendants);
        }

        void kill() {
            kill(process.descendants().toList());
        }

        private void kill(List<ProcessHandle> descendants) {
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            STARTED.remove(this);
        }
    }
}
