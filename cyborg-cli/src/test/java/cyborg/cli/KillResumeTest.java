package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.io.SafeTensors;
import cyborg.io.TensorData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A training process killed (SIGKILL) during an epoch resumes and ends with the uninterrupted run's weights. */
class KillResumeTest {
    @TempDir
    Path dir;

    private String[] trainArgs(Path out) {
        return new String[] {"train", "--csv", dir.resolve("toy/split.csv").toString(), "--images",
            dir.resolve("toy/images").toString(), "--maps", dir.resolve("toy/maps").toString(), "--arch", "resnet18",
            "--size", "64", "--epochs", "3", "--batch", "10", "--lr", "0.01", "--out", out.toString()};
    }

    @Test
    void killedRunResumesToIdenticalWeights() throws Exception {
        assertEquals(0, Cli.run("synth", "--out", dir.resolve("toy").toString(), "--size", "64", "--train-per-class", "60",
                "--val-per-class", "20", "--test-per-source", "8").status);
        Path whole = dir.resolve("whole");
        Cli r = Cli.run(trainArgs(whole));
        assertEquals(0, r.status, r.toString());

        Path killed = dir.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), CyborgCommand.class.getName()));
        cmd.addAll(List.of(trainArgs(killed)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile()).start();
        Path log = killed.resolve("train-log.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.isRegularFile(log) && Files.readAllLines(log).size() >= 1) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // wait into the second epoch's batches, then kill without warning
        java.util.regex.Pattern inEpoch2 = java.util.regex.Pattern.compile("epoch 2/3 +\\d{1,2}% \\[");
        while (!inEpoch2.matcher(Files.readString(dir.resolve("killed.log"))).find() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(p.isAlive(), "the run ended before it could be killed:\n" + Files.readString(dir.resolve("killed.log")));
        p.destroyForcibly().waitFor();
        assertEquals(1, Files.readAllLines(log).size(), "killed during epoch 2");

        Cli resumed = Cli.run("train", "--out", killed.toString(), "--resume");
        assertEquals(0, resumed.status, resumed.toString());
        assertTrue(resumed.out.contains("resuming after epoch 1 of 3"), resumed.out);
        assertSame(weights(whole), weights(killed));
        assertEquals(3, Files.readAllLines(log).size());
    }

    private static Map<String, TensorData> weights(Path run) throws IOException {
        return SafeTensors.read(run.resolve("checkpoint/last.safetensors"));
    }

    private static void assertSame(Map<String, TensorData> a, Map<String, TensorData> b) {
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertArrayEquals(v.data(), b.get(k).data(), k));
    }
}
