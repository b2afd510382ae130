package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code cyborg sweep} end to end on Spark local[2]: a 2 x 2 tiny sweep (two losses, two seeds)
 * is killed (SIGKILL) once a run has finished, then run again: it keeps the finished runs without
 * retraining them, completes the others and writes the table with mean ± std over seeds and the
 * selected model. The sweep runs in its own JVMs, as the launcher starts it.
 */
class SweepTest {
    /** What Spark needs on Java 17, from Spark itself (spark-submit passes the same). */
    private static final List<String> SPARK_JAVA_OPTIONS = List.of(JavaModuleOptions.defaultModuleOptionArray());
    private static final List<String> RUNS = List.of("tiny-smallresnet-ce-s1", "tiny-smallresnet-ce-s2",
            "tiny-smallresnet-cyborg-s1", "tiny-smallresnet-cyborg-s2");

    @TempDir
    Path dir;

    private Process sweep(Path grid, Path out, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", "-Dai.djl.offline=true"));
        cmd.addAll(SPARK_JAVA_OPTIONS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CyborgCommand.class.getName(), "sweep",
                "--grid", grid.toString(), "--out", out.toString(), "--master", "local[2]", "--cores-per-run", "1",
                "--heap-per-run", "768m"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private List<String> finished(Path out) {
        return RUNS.stream().filter(id -> Files.isRegularFile(out.resolve("runs").resolve(id).resolve("result.json")))
                .toList();
    }

    @Test
    void aKilledSweepResumesWithoutRetrainingFinishedRunsAndWritesTheTable() throws Exception {
        Path grid = dir.resolve("grid.json");
        Files.writeString(grid, """
                {"datasets": [{"name": "tiny", "synth": {"seed": 1, "size": 32, "train_per_class": 20,
                               "val_per_class": 6, "test_per_source": 3}}],
                 "archs": ["smallresnet"],
                 "losses": ["ce", {"name": "cyborg", "loss": "ce:0.5,cyborg:0.5"}],
                 "seeds": [1, 2],
                 "train": ["--size", "32", "--epochs", "2", "--batch", "10", "--optimizer", "adam", "--lr", "0.001"],
                 "explain": {"images": 3, "curve_steps": 3}}
                """);
        Path out = dir.resolve("sweep");
        Path log1 = dir.resolve("sweep-1.log");
        Process first = sweep(grid, out, log1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (finished(out).isEmpty() && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // a second sweep into the same folder is refused while the first runs
        Cli concurrent = Cli.run("sweep", "--grid", grid.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals(1, concurrent.status, concurrent.toString());
        assertTrue(concurrent.err.startsWith("error: another cyborg sweep is running in " + out), concurrent.err);

        List<ProcessHandle> children = first.descendants().toList();
        first.destroyForcibly().waitFor();
        List<String> before = finished(out);
        assertFalse(before.isEmpty(), "no run finished before the kill:\n" + Files.readString(log1));
        assertTrue(before.size() < RUNS.size(), "every run finished before the kill: " + before);

        // a training JVM notices that its sweep died and ends itself
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertTrue(children.stream().noneMatch(ProcessHandle::isAlive), "a training outlived the killed sweep");

        Map<String, FileTime> resultTimes = new LinkedHashMap<>();
        Map<String, String> trainLogs = new LinkedHashMap<>();
        for (String id : before) {
            Path run = out.resolve("runs").resolve(id);
            resultTimes.put(id, Files.getLastModifiedTime(run.resolve("result.json")));
            resultTimes.put(id + "/model", Files.getLastModifiedTime(run.resolve("model.safetensors")));
            trainLogs.put(id, Files.readString(run.resolve("train.log")));
        }

        Path log2 = dir.resolve("sweep-2.log");
        Process second = sweep(grid, out, log2);
        assertTrue(second.waitFor(300, TimeUnit.SECONDS), "the resumed sweep did not end");
        String output = Files.readString(log2);
        assertEquals(0, second.exitValue(), output);
        assertTrue(output.contains("4 runs: " + before.size() + " finished and kept, " + (4 - before.size())
                + " to run"), output);
        assertEquals(RUNS, finished(out));
        for (String id : before) {
            Path run = out.resolve("runs").resolve(id);
            assertEquals(resultTimes.get(id), Files.getLastModifiedTime(run.resolve("result.json")), id);
            assertEquals(resultTimes.get(id + "/model"), Files.getLastModifiedTime(run.resolve("model.safetensors")), id);
            assertEquals(trainLogs.get(id), Files.readString(run.resolve("train.log")), id + " was trained again");
            assertFalse(output.contains(id + ": training") || output.contains(id + ": resuming"), output);
        }

        // the table: one row per (architecture, loss) with mean ± std over the two seeds, and the selected model
        String md = Files.readString(out.resolve("results.md"));
        for (String loss : List.of("ce", "cyborg")) {
            assertTrue(md.lines().anyMatch(l -> l.startsWith("| tiny | smallresnet | " + loss + " | 2 | ")
                    && l.chars().filter(c -> c == '±').count() == 3), md);
        }
        assertTrue(md.contains("## Open-set AUC per source / generator"), md);
        assertTrue(md.contains("stability across seeds (d)"), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("selected: tiny-smallresnet-")), md);
        assertTrue(output.contains("criterion: val-auc"), output);
        assertEquals(3, Files.readAllLines(out.resolve("results.csv")).size());
    }

    @Test
    void aGridTrainingWithSkipBadCountsAndSkipsABadOpenSetImageInsteadOfFailingTheRun() throws Exception {
        Path data = dir.resolve("data");
        Cli synth = Cli.run("synth", "--out", data.toString(), "--size", "32", "--train-per-class", "8",
                "--val-per-class", "2", "--test-per-source", "2");
        assertEquals(0, synth.status, synth.toString());
        // an open-set image split.csv lists (the benchmark also writes images other splits list)
        String firstTest = Files.readAllLines(data.resolve("split.csv")).stream().filter(l -> l.startsWith("test,"))
                .findFirst().orElseThrow().split(",")[2];
        Path bad = data.resolve("images" + firstTest);
        Files.writeString(bad, "not a png");
        Path grid = dir.resolve("grid.json");
        Files.writeString(grid, """
                {"datasets": [{"name": "d", "csv": "data/split.csv", "images": "data/images"}],
                 "archs": ["smallresnet"], "losses": ["ce"], "seeds": [1],
                 "train": ["--size", "32", "--epochs", "1", "--batch", "8", "--skip-bad"],
                 "explain": {"images": 0}}
                """);
        Path out = dir.resolve("sweep");
        Cli r = Cli.run("sweep", "--grid", grid.toString(), "--out", out.toString(), "--master", "local[1]");
        assertEquals(0, r.status, r.toString());
        assertTrue(r.out.contains("d-smallresnet-ce-s1: open set: "), r.out);
        JsonObject result = JsonParser.parseString(Files.readString(
                out.resolve("runs").resolve("d-smallresnet-ce-s1").resolve("result.json"))).getAsJsonObject();
        assertEquals(1, result.get("open_skipped").getAsInt(), result.toString());
        long testRows = Files.readAllLines(data.resolve("split.csv")).stream().filter(l -> l.startsWith("test,")).count();
        assertEquals(testRows - 1, result.get("open_images").getAsInt(), result.toString());
    }

    @Test
    void helpShowsAnExampleGridAndTheTablesMeaning() {
        Cli r = Cli.run("sweep", "--help");
        assertEquals(0, r.status, r.toString());
        assertTrue(r.out.startsWith("Usage: cyborg sweep"), r.out);
        assertTrue(r.out.contains("  cyborg sweep --grid examples/sweep-tiny.json"), r.out);
        assertTrue(r.out.contains("\"datasets\": [{\"name\": \"bench\", \"synth\""), r.out);
        assertTrue(r.out.replaceAll("\\s+", " ").contains("mean +- std over seeds"), r.out);
        assertTrue(Cli.run("--help").out.matches("(?s).*\\n  sweep +\\S.*"), "sweep is not listed");
    }

    @Test
    void aBadGridIsOneLineNamingTheFileAndField() throws Exception {
        Path grid = dir.resolve("bad.json");
        Files.writeString(grid, """
                {"datasets": [{"name": "b", "synth": {"seed": 1}}], "archs": ["smallresnet"], "losses": ["ce"],
                 "seeds": [1], "train": ["--epochs", "two"]}
                """);
        Cli r = Cli.run("sweep", "--grid", grid.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, r.status, r.toString());
        assertEquals("error: " + grid + ": train is not a list of cyborg train options: Invalid value for option"
                + " '--epochs': 'two' is not an int", r.err.strip());
        assertFalse(Files.exists(dir.resolve("o")), "nothing is written for a bad grid");
    }
}
