package cyborg.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import cyborg.model.Architecture;
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

    @Test
    void writesResultsReportAndFiguresAndReusesFinishedWork() throws IOException {
        TrainConfig training = TrainConfig.builder().architecture(Architecture.SMALLRESNET).inputSize(32)
                .epochs(1).batchSize(8).build();
        List<DemoMethod> methods = new java.util.ArrayList<>(DemoConfig.defaultMethods());
        methods.add(DemoConfig.CEILING);
        DemoConfig config = new DemoConfig(out, 4, 32, 8, 4, 5, List.of(1L, 2L), methods, "cyborg+cf", training);
        String table = new Demo(config, null).run();
        assertTrue(table.contains("| cyborg |"), table);
        JsonObject r = JsonParser.parseString(Files.readString(out.resolve("results.json"))).getAsJsonObject();
        JsonObject losses = r.getAsJsonObject("losses");
        assertEquals(methods.size(), losses.size());
        for (DemoMethod m : methods) {
            JsonObject l = losses.getAsJsonObject(m.name());
            for (String key : List.of("auc_mean", "auc_std", "auc_reversed_mean", "per_source", "per_family", "cam_mse",
                    "cam_entropy", "relevance_mass_accuracy", "shortcut_reliance")) {
                assertTrue(l.has(key), m.name() + " lacks " + key);
            }
            assertEquals(7, l.getAsJsonObject("per_source").size(), "two test styles and five test generators");
            assertEquals(5, l.getAsJsonObject("per_family").size());
        }
        assertEquals("split-ceiling.csv", losses.getAsJsonObject("ceiling").get("training_split").getAsString());
        assertEquals("split.csv", losses.getAsJsonObject("ce").get("training_split").getAsString());
        assertTrue(r.getAsJsonObject("claim").has("ceiling_minus_ce_auc"), r.getAsJsonObject("claim").toString());
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
        assertTrue(Files.readString(out.resolve("report.md")).contains("| ce |"));
        // a second run reuses the benchmark and the finished runs and measures the same
        long modified = Files.getLastModifiedTime(out.resolve("runs/ce/run-1/model.safetensors")).toMillis();
        String again = new Demo(config, null).run();
        assertEquals(table, again);
        assertEquals(modified, Files.getLastModifiedTime(out.resolve("runs/ce/run-1/model.safetensors")).toMillis());
    }
}
