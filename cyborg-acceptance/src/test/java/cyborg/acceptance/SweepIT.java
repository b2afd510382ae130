package cyborg.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cyborg sweep} killed with SIGTERM while a child training JVM starts (libtorch loading), then
 * resumed to the end. A killed sweep must leave no training behind: no process it started, no java
 * process naming its folder (an orphan re-parented to PID 1 is no descendant any more), and no
 * {@code hs_err_pid*.log} in the user's folders.
 */
class SweepIT {
    private static final Path DIR = Product.WORK.resolve("sweep");
    private static final Path OUT = DIR.resolve("out");
    /** Two runs (CE and CYBORG, one seed, one epoch) on a benchmark smaller than examples/sweep-tiny.json's. */
    private static final String GRID = """
            {"datasets": [{"name": "mini", "synth": {"seed": 2, "size": 64, "train_per_class": 12,
                           "val_per_class": 4, "test_per_source": 4}}],
             "archs": ["smallresnet"],
             "losses": ["ce", {"name": "cyborg", "loss": "ce:0.5,cyborg:0.5"}],
             "seeds": [1],
             "train": ["--size", "64", "--epochs", "1", "--batch", "8", "--optimizer", "adam", "--lr", "0.001"],
             "explain": {"images": 4, "method": "cam", "curve_steps": 3},
             "heap_per_run": "1g"}
            """;

    @AfterAll
    static void stop() {
        Product.stopAll();
    }

    @Test
    @Covers("sweep")
    void aSweepKilledDuringAChildsStartLeavesNoProcessAndResumesToTheEnd() throws Exception {
        Path grid = Files.writeString(Files.createDirectories(DIR).resolve("grid.json"), GRID);
        List<String> command = Product.launcher("sweep", "--grid", grid.toString(), "--out", OUT.toString(),
                "--master", "local[2]");
        Product.Started sweep = Product.start("sweep-killed", command);
        ProcessHandle child = awaitChild(sweep, Duration.ofMinutes(3));
        // as the defect was seen: both trainings started (local[2]), SIGTERM while their JVMs load libtorch
        long second = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (children(sweep).size() < 2 && System.nanoTime() < second && sweep.process().isAlive()) {
            Thread.sleep(50);
        }
        Thread.sleep(1500);
        List<ProcessHandle> started = sweep.process().descendants().toList();
        sweep.process().destroy(); // SIGTERM, as Ctrl-C or a scheduler sends it

        if (!sweep.process().waitFor(90, TimeUnit.SECONDS)) {
            sweep.kill();
            fail("the sweep did not end within 90 s of SIGTERM\n" + sweep.tails());
        }
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end && (started.stream().anyMatch(ProcessHandle::isAlive) || !named().isEmpty())) {
            Thread.sleep(250);
        }
        List<String> left = Stream.concat(started.stream().filter(ProcessHandle::isAlive), named().stream())
                .distinct().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        started.forEach(ProcessHandle::destroyForcibly);
        named().forEach(ProcessHandle::destroyForcibly);
        assertTrue(left.isEmpty(), () -> "30 s after the sweep ended, processes it started are left (child "
                + child.pid() + " was starting when SIGTERM came): " + left + "\n" + sweep.tails());
        assertNoCrashFiles();

        Product.Run resumed = Product.run("sweep-resumed", Duration.ofMinutes(6), command).ok();
        assertTrue(Files.isRegularFile(OUT.resolve("results.json")), resumed::describe);
        try (Stream<Path> runs = Files.list(OUT.resolve("runs"))) {
            List<Path> folders = runs.filter(Files::isDirectory).toList();
            assertEquals(2, folders.size(), folders.toString());
            folders.forEach(f -> assertTrue(Files.isRegularFile(f.resolve("result.json")), f + " unfinished"));
        }
        assertNoCrashFiles();
    }

    /** The first child JVM of the sweep (a training), once it is running. */
    private static ProcessHandle awaitChild(Product.Started sweep, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!sweep.process().isAlive()) {
                fail("the sweep ended before it started a training (exit " + sweep.process().exitValue() + ")\n"
                        + sweep.tails());
            }
            List<ProcessHandle> children = children(sweep);
            if (!children.isEmpty()) {
                return children.get(0);
            }
            Thread.sleep(50);
        }
        fail("no training started within " + timeout + "\n" + sweep.tails());
        return null;
    }

    /** The sweep's training JVMs (java processes under it naming its folder). */
    private static List<ProcessHandle> children(Product.Started sweep) {
        return sweep.process().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("java") && names(p)).toList();
    }

    /** Java processes anywhere on the machine whose command line names the sweep's folder. */
    private static List<ProcessHandle> named() {
        return ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().orElse("").contains("java") && names(p)).toList();
    }

    private static boolean names(ProcessHandle p) {
        return p.info().commandLine().orElse("").contains(OUT.toString());
    }

    /** No JVM crash file where the user works: the working folder (the repository root) and the sweep's. */
    private static void assertNoCrashFiles() throws IOException {
        for (Path folder : List.of(Product.ROOT, OUT, DIR)) {
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> crashes = files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).toList();
                assertTrue(crashes.isEmpty(), () -> "a JVM crashed: " + crashes);
            }
        }
    }
}
