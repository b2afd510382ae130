package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * SIGTERM in the middle of training: the run stops between two batches with a message, keeps the
 * checkpoint of its last finished epoch, and the JVM exits without a native crash (before, the
 * JVM died in PyTorch's backward pass with SIGSEGV and left an hs_err_pid log).
 */
class GracefulStopTest {
    @Test
    void sigtermDuringTrainingStopsBetweenBatchesAndKeepsTheLastCheckpoint(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Cli synth = Cli.run("synth", "--out", data.toString(), "--size", "48", "--train-per-class", "24",
                "--val-per-class", "4", "--test-per-source", "2");
        assertEquals(0, synth.status, synth.toString());
        Path run = dir.resolve("run");
        Path err = dir.resolve("train.err");
        List<String> command = Stream.concat(Stream.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dai.djl.offline=true",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), CyborgCommand.class.getName()),
                Stream.of("train", "--csv", data.resolve("split.csv").toString(), "--images",
                        data.resolve("images").toString(), "--maps", data.resolve("maps").toString(), "--arch", "smallresnet", "--size", "48", "--epochs", "200",
                        "--batch", "4", "--out", run.toString())).toList();
        Process training = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(err.toFile()).start();
        try {
            Path state = run.resolve("checkpoint").resolve("last.json");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.exists(state) && training.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(state), "no checkpoint after the first epoch:\n" + Files.readString(err));
            Thread.sleep(300); // into the next epoch's batches
            training.destroy(); // SIGTERM
            assertTrue(training.waitFor(120, TimeUnit.SECONDS), "training did not stop after SIGTERM");
        } finally {
            training.destroyForcibly();
        }
        String log = Files.readString(err);
        assertEquals(143, training.exitValue(), "exit status of a SIGTERM'd JVM after its hooks ran:\n" + log);
        assertTrue(log.contains("stopped by a signal"), log);
        assertFalse(log.contains("error:"), "stopping must not fail on the way out:\n" + log);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith("hs_err")).toList(),
                    "the JVM crashed:\n" + log);
        }
        JsonObject state = JsonParser.parseString(Files.readString(run.resolve("checkpoint").resolve("last.json")))
                .getAsJsonObject();
        int completed = state.get("completed_epochs").getAsInt();
        assertTrue(completed >= 1 && completed < 200, "completed epochs: " + completed);
        assertEquals(completed, Files.readAllLines(run.resolve("train-log.jsonl")).size(),
                "one log line per finished epoch, none for the stopped one");
    }
}
