package cyborg.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.data.MapIndex;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import cyborg.io.SafeTensors;
import cyborg.io.TensorData;
import cyborg.model.Architecture;
import cyborg.model.ModelInfo;
import cyborg.io.Json;
import cyborg.synth.Benchmark;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class TrainerTest {
    @TempDir
    static Path data;

    @TempDir
    Path runs;

    @BeforeAll
    static void makeData() throws IOException {
        Benchmark.builder().size(32).seed(3).trainPerClass(10).valPerClass(10).testPerSource(4).build().write(data, null);
    }

    private static TrainData trainData() throws IOException {
        List<Sample> all = SplitCsv.read(data.resolve("split.csv"), data.resolve("images"), SkipReport.failFast());
        return new TrainData(all.stream().filter(s -> s.split().equals("train")).toList(),
                all.stream().filter(s -> s.split().equals("val")).toList(), "val",
                MapIndex.scan(data.resolve("maps")), SkipReport.failFast(), null);
    }

    private static TrainConfig config(int epochs, long seed) {
        return TrainConfig.builder().architecture(Architecture.RESNET18).inputSize(32).loss("cyborg")
                .epochs(epochs).batchSize(8).lr(0.01).lrStep(2).seed(seed).build();
    }

    private static Map<String, TensorData> weights(Path run) throws IOException {
        return SafeTensors.read(run.resolve("checkpoint/last.safetensors"));
    }

    private static void assertSameWeights(Map<String, TensorData> a, Map<String, TensorData> b) {
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertArrayEquals(v.data(), b.get(k).data(), "tensor " + k));
    }

    @Test
    void writesModelSidecarLogAndPlots() throws IOException {
        Path run = runs.resolve("run");
        TrainResult r = new Trainer(config(2, 1), null).train(trainData(), new RunFiles(run), false);
        assertEquals(20, r.trainImages());
        assertEquals(0, r.withoutMap());
        for (String f : List.of("model.safetensors", "model.json", "train.json", "train-log.jsonl",
                "loss-curves.png", "loss-curves.svg", "accuracy-curves.png", "accuracy-curves.svg")) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
        ModelInfo info = Json.read(run.resolve("model.json"), ModelInfo.class);
        assertEquals("resnet18", info.architecture);
        assertEquals("layer4.1.conv2", info.camLayer);
        assertArrayEquals(new int[] {1, 1}, info.camSize);
        assertEquals(r.bestEpoch(), info.epoch);
        List<EpochRecord> log = TrainLog.read(new RunFiles(run));
        assertEquals(2, log.size());
        assertTrue(log.get(0).lossParts.containsKey("cyborg"));
        assertTrue(log.get(1).imagesPerS > 0);
        assertEquals(0.01, log.get(0).lr, 1e-12);
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndOtherSeedDoesNot() throws IOException {
        new Trainer(config(2, 5), null).train(trainData(), new RunFiles(runs.resolve("a")), false);
        new Trainer(config(2, 5), null).train(trainData(), new RunFiles(runs.resolve("b")), false);
        new Trainer(config(2, 6), null).train(trainData(), new RunFiles(runs.resolve("c")), false);
        assertSameWeights(weights(runs.resolve("a")), weights(runs.resolve("b")));
        assertFalse(java.util.Arrays.equals(weights(runs.resolve("a")).get("fc.weight").data(),
                weights(runs.resolve("c")).get("fc.weight").data()));
    }

    @Test
    void resumedRunEndsWithTheSameWeightsAsAnUninterruptedOne() throws IOException {
        new Trainer(config(3, 9), null).train(trainData(), new RunFiles(runs.resolve("whole")), false);
        Path split = runs.resolve("split");
        new Trainer(config(2, 9), null).train(trainData(), new RunFiles(split), false);
        TrainResult r = new Trainer(config(3, 9), null).train(trainData(), new RunFiles(split), true);
        assertSameWeights(weights(runs.resolve("whole")), weights(split));
        assertEquals(3, TrainLog.read(new RunFiles(split)).size());
        assertTrue(r.bestEpoch() >= 1);
    }

    @Test
    void refusesToOverwriteARunWithoutResume() throws IOException {
        Path run = runs.resolve("once");
        new Trainer(config(1, 1), null).train(trainData(), new RunFiles(run), false);
        IOException e = assertThrows(IOException.class,
                () -> new Trainer(config(1, 1), null).train(trainData(), new RunFiles(run), false));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());
    }
}
