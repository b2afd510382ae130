package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import cyborg.io.SafeTensors;
import cyborg.io.TensorData;
import cyborg.io.torch.TorchCheckpoint;
import cyborg.model.ResNet;
import cyborg.nn.StateDict;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/** Weights out to PyTorch's format and back in, scoring straight from a weight file, and --init. */
class ImportExportTest {
    @TempDir
    static Path dir;

    private static String p(String rel) {
        return dir.resolve(rel).toString();
    }

    @BeforeAll
    static void trainOne() {
        assertEquals(0, Cli.run("synth", "--out", p("data"), "--size", "64", "--train-per-class", "8",
                "--val-per-class", "4", "--test-per-source", "8").status);
        Cli r = Cli.run("train", "--csv", p("data/split.csv"), "--images", p("data/images"), "--loss", "ce",
                "--arch", "smallresnet", "--size", "64", "--epochs", "1", "--batch", "8", "--out", p("run"));
        assertEquals(0, r.status, r.toString());
    }

    private static String[] score(String... model) {
        String[] base = {"score", "--csv", p("data/split.csv"), "--images", p("data/images")};
        return PipelineTest.concat(base, model);
    }

    @Test
    void exportedPthImportsAndScoresExactlyLikeTheOriginal() throws IOException {
        assertEquals(0, Cli.run("export", "--model", p("run"), "--format", "pth", "--out", p("run.pth")).status);
        assertEquals(0, Cli.run("import", "--arch", "smallresnet", "--from", p("run.pth"), "--out", p("imported")).status);
        assertEquals(0, Cli.run(score("--model", p("run"), "--out", p("a.csv"))).status);
        assertEquals(0, Cli.run(score("--model", p("imported"), "--out", p("b.csv"))).status);
        Cli direct = Cli.run(score("--model", p("run.pth"), "--arch", "smallresnet", "--out", p("c.csv")));
        assertEquals(0, direct.status, direct.toString());
        String a = Files.readString(dir.resolve("a.csv"));
        assertEquals(a, Files.readString(dir.resolve("b.csv")));
        assertEquals(a, Files.readString(dir.resolve("c.csv")));
        assertEquals(0, Cli.run("export", "--model", p("run"), "--format", "safetensors", "--out", p("run.safetensors")).status);
        assertEquals(SafeTensors.read(dir.resolve("run/model.safetensors")).keySet(),
                SafeTensors.read(dir.resolve("run.safetensors")).keySet());
    }

    @Test
    void weightsOfAnotherArchitectureAreRefusedWithTheMismatches() {
        assertEquals(0, Cli.run("export", "--model", p("run"), "--out", p("small.pth")).status);
        Cli r = Cli.run("import", "--arch", "resnet18", "--from", p("small.pth"), "--out", p("wrong"));
        assertEquals(1, r.status);
        assertTrue(r.err.contains("shape mismatch") || r.err.contains("missing"), r.err);
    }

    @Test
    void initLoadsTheBackboneAndReplacesTheThousandWayHead() throws IOException {
        Path imagenet = dir.resolve("imagenet.pth");
        Map<String, TensorData> state;
        try (NDManager m = NDManager.newBaseManager()) {
            state = StateDict.of(ResNet.small(m, new Random(99), 1000));
        }
        TorchCheckpoint.write(imagenet, state);
        // a learning rate this small leaves the loaded weights as they were after one epoch
        Cli r = Cli.run("train", "--csv", p("data/split.csv"), "--images", p("data/images"), "--loss", "ce",
                "--arch", "smallresnet", "--size", "64", "--epochs", "1", "--batch", "8", "--lr", "1e-12",
                "--weight-decay", "0", "--init", imagenet.toString(), "--out", p("init-run"));
        assertEquals(0, r.status, r.toString());
        assertTrue(r.out.contains("backbone initialised from"), r.out);
        Map<String, TensorData> trained = SafeTensors.read(dir.resolve("init-run/model.safetensors"));
        assertArrayEquals(state.get("conv1.weight").floats(), trained.get("conv1.weight").floats(), 1e-6f);
        assertArrayEquals(new long[] {2, 128}, trained.get("fc.weight").shape());
    }
}
