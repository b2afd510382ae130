package cyborg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import cyborg.data.MapIndex;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import cyborg.model.Architecture;
import cyborg.model.ModelInfo;
import cyborg.model.SavedModel;
import cyborg.saliency.SaliencyMethod;
import cyborg.synth.Benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class ExplainRunTest {
    @TempDir
    Path dir;

    private Path model(String name, long seed) throws IOException {
        Path d = dir.resolve(name);
        try (NDManager m = NDManager.newBaseManager()) {
            ModelInfo info = new ModelInfo();
            info.architecture = "smallresnet";
            info.inputSize = 56;
            info.mean = new float[] {0.485f, 0.456f, 0.406f};
            info.std = new float[] {0.229f, 0.224f, 0.225f};
            info.camSize = new int[] {7, 7};
            SavedModel.save(d, Architecture.SMALLRESNET.create(m, seed), info);
        }
        return d;
    }

    /** The first three test images of a tiny benchmark (with its human maps in bench/maps). */
    private List<Sample> benchmarkTestImages() throws IOException {
        Benchmark.builder().size(56).seed(2).trainPerClass(2).valPerClass(1).testPerSource(2).build()
                .write(dir.resolve("bench"), null);
        return SplitCsv.read(dir.resolve("bench/split.csv"), dir.resolve("bench/images"),
                SkipReport.failFast()).stream().filter(s -> s.split().equals("test")).limit(3).toList();
    }

    @Test
    void writesMeasuresPerModelAndGroupWithStabilityAndAReport() throws IOException {
        List<Sample> test = benchmarkTestImages();
        Map<String, List<Path>> groups = new LinkedHashMap<>();
        groups.put("ce", List.of(model("ce1", 1), model("ce2", 2)));
        groups.put("cyborg", List.of(model("cy1", 3), model("cy2", 4)));
        List<String> verdict = ExplainRun.run(new ExplainRun.Config(groups, test, SaliencyMethod.of("gradcam"), 4, null, 1),
                dir.resolve("out"), null);
        JsonObject r = JsonParser.parseString(Files.readString(dir.resolve("out/measures.json"))).getAsJsonObject();
        assertEquals(4, r.getAsJsonObject("models").size());
        JsonObject ce = r.getAsJsonObject("groups").getAsJsonObject("ce");
        assertEquals(6, ce.get("images").getAsInt(), "two models x three images, pooled");
        JsonObject stability = ce.getAsJsonObject("stability");
        assertEquals(1, stability.get("pairs").getAsInt());
        assertEquals(3, stability.getAsJsonObject("ssim").get("n").getAsInt(), "one pair per image, 7x7 maps");
        for (String key : List.of("entropy", "spatial_entropy", "noise", "equivariance", "degradation", "deletion_auc",
                "insertion_auc")) {
            assertTrue(ce.has(key), key);
        }
        assertFalse(ce.has("localisation") || r.has("human_maps"), "no localisation without human maps");
        assertEquals(8, ce.getAsJsonObject("noise").getAsJsonArray("ssim").size());
        assertEquals(4, r.get("shift_px").getAsInt(), "16 px at 224 is 4 px at 56");
        assertEquals(2, verdict.size(), "entropy and stability, cyborg against ce");
        assertTrue(verdict.get(0).startsWith("cyborg vs ce: salience entropy"), verdict.get(0));
        String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(html.contains("<svg") && html.contains("data:image/png;base64,") && html.contains("cross-run SSIM"));
    }

    @Test
    void withHumanMapsAddsLocalisationInTheUnitIntervalAndCountsImagesWithoutAMap() throws IOException {
        List<Sample> test = benchmarkTestImages();
        for (Path map : MapIndex.scan(dir.resolve("bench/maps")).assign(test).mapsFor(test.get(0))) {
            Files.delete(map);
        }
        Map<String, List<Path>> groups = Map.of("cyborg", List.of(model("cy1", 3)));
        ExplainRun.run(new ExplainRun.Config(groups, test, SaliencyMethod.of("gradcam"), 2, null, 1,
                dir.resolve("bench/maps"), Localisation.DEFAULT_THRESHOLD, cyborg.model.ComputeDevice.CPU, null),
                dir.resolve("out"), null);
        JsonObject r = JsonParser.parseString(Files.readString(dir.resolve("out/measures.json"))).getAsJsonObject();
        assertEquals(0.5, r.get("mask_threshold").getAsDouble());
        JsonObject model = r.getAsJsonObject("models").entrySet().iterator().next().getValue().getAsJsonObject();
        for (JsonObject summary : List.of(model, r.getAsJsonObject("groups").getAsJsonObject("cyborg"))) {
            JsonObject loc = summary.getAsJsonObject("localisation");
            assertEquals(2, loc.get("images").getAsInt(), "the image whose maps were removed is left out");
            assertEquals(1, loc.get("without_human_map").getAsInt());
            for (String key : List.of("mass_accuracy", "rank_accuracy", "pointing_game", "auc")) {
                JsonObject stats = loc.getAsJsonObject(key);
                assertEquals(2, stats.get("n").getAsInt() + stats.get("nan").getAsInt(), key);
                if (stats.has("mean")) {
                    double mean = stats.get("mean").getAsDouble();
                    assertTrue(mean >= 0 && mean <= 1, key + " = " + mean);
                }
            }
            assertTrue(loc.getAsJsonObject("auc").has("mean"), "AUC is defined for any map against a partial mask");
        }
        assertTrue(Files.readString(dir.resolve("out/report.html")).contains("Localisation against human maps"));
    }
}
