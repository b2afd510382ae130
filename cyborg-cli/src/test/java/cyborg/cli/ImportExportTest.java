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
    void aModelTrainedAt32PxScoresTheSameAfterExportAndImport() throws IOException {
        // smallresnet's native size is 64: the round trip once scored this model at 64 px (0.538 -> 0.697)
        Path model = Toy.model();
        Path pth = dir.resolve("m32.pth");
        Cli export = Cli.run("export", "--model", model.toString(), "--out", pth.toString());
        assertEquals(0, export.status, export.toString());
        Map<String, Double> before = toyScores("--model", model.toString());
        assertScoresEqual(before, toyScores("--model", pth.toString(), "--arch", "smallresnet"));
        assertTrue(Files.isRegularFile(dir.resolve("m32.pth.json")), export.toString());
        Cli imported = Cli.run("import", "--from", pth.toString(), "--out", p("m32"));
        assertEquals(0, imported.status, imported.toString());
        assertScoresEqual(before, toyScores("--model", p("m32")));
        assertScoresEqual(before, toyScores("--model", pth.toString()));
    }

    private static int toyRuns;

    /** Scores of the toy test split, by image, with the model options {@code model}. */
    private static Map<String, Double> toyScores(String... model) throws IOException {
        Path out = dir.resolve("toy-" + (++toyRuns) + ".csv");
        Cli r = Cli.run(PipelineTest.concat(new String[] {"score", "--csv", Toy.csv(), "--images", Toy.images(),
                "--out", out.toString()}, model));
        assertEquals(0, r.status, r.toString());
        Map<String, Double> scores = new java.util.LinkedHashMap<>();
        for (String row : Files.readAllLines(out)) {
            int comma = row.lastIndexOf(',');
            scores.put(row.substring(0, comma), Double.parseDouble(row.substring(comma + 1)));
        }
        return scores;
    }

    private static void assertScoresEqual(Map<String, Double> expected, Map<String, Double> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        assertTrue(!expected.isEmpty());
        expected.forEach((image, score) -> assertEquals(score, actual.get(image), 1e-6, image));
    }

    @Test
    void weightsOfAnotherArchitectureAreRefusedWithTheMismatches() throws IOException {
        assertEquals(0, Cli.run("export", "--model", p("run"), "--out", p("small.pth")).status);
        Files.delete(dir.resolve("small.pth.json")); // with it, --arch resnet18 is refused before the weights are read
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
