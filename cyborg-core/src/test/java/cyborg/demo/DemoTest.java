package cyborg.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import cyborg.model.Architecture;
import cyborg.synth.Benchmark;
import cyborg.train.TrainConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The demo end to end on a tiny configuration: every output exists and results.json has the promised shape. */
class DemoTest {
    @TempDir
    Path out;

    /**
     * Generates the tiny benchmark the demo below reuses (version 3); without {@code v3Files} its
     * {@code split-4x.csv} is deleted afterwards, as on a folder written before version 3.
     */
    private Path benchmark(boolean v3Files) throws IOException {
        Path dir = out.resolve("benchmark");
        Benchmark.builder().size(32).seed(4).trainPerClass(8).valPerClass(4).testPerSource(5).build().write(dir, null);
        if (!v3Files) {
            Files.delete(dir.resolve(Benchmark.FOUR_X_SPLIT));
        }
        return dir;
    }

    private DemoConfig config(List<DemoMethod> methods) {
        TrainConfig training = TrainConfig.builder().architecture(Architecture.SMALLRESNET).inputSize(32)
                .epochs(1).batchSize(8).build();
        return new DemoConfig(out, 4, 32, 8, 4, 5, List.of(1L, 2L), methods, "cyborg+cf", training);
    }

    @Test
    void aBenchmarkWithoutTheFourXSplitStopsTheDemoBeforeAnyTrainingNamingTheFile() throws IOException {
        Path dir = benchmark(false);
        IOException e = assertThrows(IOException.class, () -> new Demo(config(DemoConfig.defaults(out, false, 4,
                true, false).methods()), null).run());
        assertTrue(e.getMessage().contains(dir.resolve("split-4x.csv").toString())
                && e.getMessage().contains("before benchmark version 3"), e.getMessage());
        assertFalse(Files.exists(out.resolve("runs")));
    }

    @Test
    void writesResultsReportAndFiguresAndReusesFinishedWork() throws IOException {
        Path benchDir = benchmark(true);
        // every row but rrr, whose double backpropagation would double this test's time
        List<DemoMethod> methods = DemoConfig.allMethods().stream().filter(m -> !m.equals(DemoConfig.RRR)).toList();
        DemoConfig config = config(methods);
        String table = new Demo(config, null).run();
        assertTrue(table.contains("| cyborg |"), table);
        JsonObject r = JsonParser.parseString(Files.readString(out.resolve("results.json"))).getAsJsonObject();
        JsonObject losses = r.getAsJsonObject("losses");
        assertEquals(methods.size(), losses.size());
        for (DemoMethod m : methods) {
            JsonObject l = losses.getAsJsonObject(m.name());
            for (String key : List.of("auc_mean", "auc_std", "auc_reversed_mean", "per_source", "per_family", "cam_mse",
                    "cam_entropy", "relevance_mass_accuracy", "shortcut_reliance", "auc_shared_mean", "auc_shared_std",
                    "auc_shared_per_seed", "auc_shared_reversed_mean", "auc_unseen_styles_mean",
                    "auc_unseen_styles_per_seed", "val_auc_mean", "val_auc_per_seed", "val_auc_min")) {
                assertTrue(l.has(key), m.name() + " lacks " + key);
            }
            assertEquals(6, l.getAsJsonObject("per_source").size(), "the training style and five test generators");
            assertEquals(5, l.getAsJsonObject("per_family").size());
        }
        assertEquals("split-ceiling.csv", losses.getAsJsonObject("ceiling").get("training_split").getAsString());
        assertEquals("split.csv", losses.getAsJsonObject("ce").get("training_split").getAsString());
        assertEquals("split-4x.csv", losses.getAsJsonObject("ce-4x").get("training_split").getAsString());
        JsonObject claim = r.getAsJsonObject("claim");
        for (String key : List.of("ceiling_minus_ce_auc", "reference", "more_data", "within_reference")) {
            assertTrue(claim.has(key), key + " not in " + claim);
        }
        // the headline's scores are the authentic images and the shared-mechanism families, nothing else
        List<String> shared = Files.readAllLines(out.resolve("runs/ce/run-1/scores-shared.csv"));
        List<String> all = Files.readAllLines(out.resolve("runs/ce/run-1/scores.csv"));
        for (String family : List.of("upsample-nose", "smeared-eyes", "brow-cast", "wild")) {
            assertTrue(shared.stream().anyMatch(l -> l.contains("/" + family + "/")), family);
            assertEquals(all.stream().filter(l -> l.contains("/" + family + "/")).count(),
                    shared.stream().filter(l -> l.contains("/" + family + "/")).count(), family);
        }
        for (String family : List.of("hairline-seam", "droplet")) {
            assertTrue(all.stream().anyMatch(l -> l.contains("/" + family + "/")), family);
            assertFalse(shared.stream().anyMatch(l -> l.contains("/" + family + "/")), family);
        }
        assertTrue(Files.readAllLines(out.resolve("runs/ce/run-1/scores-styles.csv")).size() > 1);
        assertTrue(Files.exists(benchDir.resolve("split-styles.csv")));
        JsonObject cfg = r.getAsJsonObject("config");
        assertEquals("ce:0.5,cyborg:0.5", cfg.get("recommended_loss").getAsString());
        assertEquals(List.of("--counterfactual", "0.5"), cfg.getAsJsonArray("recommended_args").asList().stream()
                .map(e -> e.getAsString()).toList());
        assertEquals(2, r.getAsJsonArray("seeds").size());
        List<String> args = r.getAsJsonObject("config").getAsJsonArray("train_args").asList().stream()
                .map(e -> e.getAsString()).toList();
        assertTrue(args.containsAll(List.of("--arch", "smallresnet", "--epochs", "1")), args.toString());
        assertTrue(!args.contains("--loss") && !args.contains("--seed") && !args.contains("--out"), args.toString());
        for (String f : List.of("report.md", "average-cams.png", "average-input-gradients.png", "cam-examples.png", "roc-ce.png", "roc-cyborg.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| ce |") && md.contains("unseen styles") && md.contains("`ce-4x`"), md);
        // a second run reuses the benchmark and the finished runs and measures the same
        long modified = Files.getLastModifiedTime(out.resolve("runs/ce/run-1/model.safetensors")).toMillis();
        String again = new Demo(config, null).run();
        assertEquals(table, again);
        assertEquals(modified, Files.getLastModifiedTime(out.resolve("runs/ce/run-1/model.safetensors")).toMillis());
    }
}
