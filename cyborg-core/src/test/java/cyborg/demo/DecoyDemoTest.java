package cyborg.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import cyborg.model.Architecture;
import cyborg.score.Score;
import cyborg.score.ScoreFile;
import cyborg.synth.DecoyTask;
import cyborg.train.TrainConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decoy part end to end on a tiny task (32 px, 6 + 6 training images, one epoch): the section
 * and the {@code decoy} object carry the AUCs of the score files it wrote, recomputed here from
 * those files by counting ordered pairs, and a rerun reuses the task and the runs.
 */
class DecoyDemoTest {
    @TempDir
    Path out;

    private DecoyConfig config(long taskSeed) {
        TrainConfig training = TrainConfig.builder().architecture(Architecture.SMALLRESNET).inputSize(32).epochs(1)
                .batchSize(4).build();
        DecoyConfig defaults = DecoyConfig.defaults(out, List.of(1L), DemoConfig.defaults(out, true, 1).recommendedMethod());
        return new DecoyConfig(defaults.out(), taskSeed, 32, 6, 3, 5, List.of(1L), defaults.methods(),
                defaults.recommended(), training);
    }

    /** The AUC of {@code scores} against {@code labels} (relpath -> synthetic), by counting ordered pairs. */
    private static double pairAuc(List<Score> scores, Map<String, Boolean> labels) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (Score s : scores) {
            String relpath = labels.keySet().stream().filter(s.key()::endsWith).findFirst().orElseThrow();
            (labels.get(relpath) ? pos : neg).add(s.score());
        }
        double ordered = 0;
        for (double p : pos) {
            for (double n : neg) {
                ordered += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return ordered / (pos.size() * neg.size());
    }

    /** The test rows of a split CSV: relpath -> whether the row says Synthetic. */
    private static Map<String, Boolean> testLabels(Path csv) throws IOException {
        Map<String, Boolean> m = new HashMap<>();
        for (String line : Files.readAllLines(csv)) {
            String[] f = line.split(",");
            if (f[0].equals("test")) {
                m.put(f[2], f[1].equals("Synthetic"));
            }
        }
        return m;
    }

    @Test
    void sectionAndJsonCarryTheAucsOfTheScoreFilesAndARerunReusesTheRuns() throws IOException {
        DecoyConfig config = config(1);
        DecoyOutcome outcome = new DecoyDemo(config, null).run();
        outcome.writeAlone(out);
        JsonObject decoy = JsonParser.parseString(Files.readString(out.resolve("results.json"))).getAsJsonObject()
                .getAsJsonObject("decoy");
        JsonObject methods = decoy.getAsJsonObject("methods");
        assertEquals(List.of("ce", "cyborg+cf", "nodecoy"), List.copyOf(methods.keySet()));
        Path task = out.resolve("decoy/task");
        Map<String, Boolean> classes = testLabels(task.resolve("split.csv"));
        Map<String, Boolean> squares = testLabels(task.resolve(DecoyTask.DECOY_TRUTH));
        assertEquals(classes.keySet(), squares.keySet());
        assertTrue(!classes.equals(squares), "the tiny task's squares must disagree with some classes");
        String report = Files.readString(out.resolve("report.md"));
        Map<String, Double> means = new HashMap<>();
        for (String name : methods.keySet()) {
            JsonObject m = methods.getAsJsonObject(name);
            List<Score> scores = ScoreFile.read(out.resolve("decoy/runs/" + name + "/run-1/scores.csv"));
            assertEquals(10, scores.size(), name);
            double auc = pairAuc(scores, classes);
            double decoyAuc = pairAuc(scores, squares);
            JsonArray perSeed = m.getAsJsonArray("auc_per_seed");
            assertEquals(1, perSeed.size());
            assertEquals(auc, perSeed.get(0).getAsDouble(), 1e-9, name);
            assertEquals(auc, m.get("auc_mean").getAsDouble(), 1e-9, name);
            assertEquals(0, m.get("auc_std").getAsDouble(), 1e-12, name);
            assertEquals(decoyAuc, m.get("decoy_auc_mean").getAsDouble(), 1e-9, name);
            assertEquals(decoyAuc, m.getAsJsonArray("decoy_auc_per_seed").get(0).getAsDouble(), 1e-9, name);
            String row = String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |", name.equals("nodecoy")
                    ? "nodecoy (ceiling)" : name, auc, decoyAuc, auc);
            assertTrue(report.contains(row), row + " in\n" + report);
            means.put(name, auc);
            means.put(name + "/decoy", decoyAuc);
        }
        assertEquals(DecoyTask.NO_DECOY_SPLIT, methods.getAsJsonObject("nodecoy").get("training_split")
                .getAsString());
        assertEquals("split.csv", methods.getAsJsonObject("ce").get("training_split").getAsString());
        // the verdict is the one the measured means give
        String sentences = new DecoyVerdict("cyborg+cf", means.get("cyborg+cf"), means.get("nodecoy"), means.get("ce"),
                means.get("ce/decoy")).sentences();
        assertTrue(report.contains("**" + sentences + "**"), sentences + " in\n" + report);
        JsonObject verdict = decoy.getAsJsonObject("verdict");
        assertEquals(means.get("cyborg+cf") >= means.get("nodecoy") - DecoyVerdict.TOLERANCE,
                verdict.get("reaches_ceiling").getAsBoolean());
        assertEquals(means.get("ce/decoy") > means.get("ce"), verdict.get("ce_follows_decoy").getAsBoolean());
        assertEquals("decoy", decoy.getAsJsonObject("task").get("task").getAsString());

        // a rerun reuses the task and the finished runs and measures the same
        Path model = out.resolve("decoy/runs/ce/run-1/model.safetensors");
        long modified = Files.getLastModifiedTime(model).toMillis();
        long taskWritten = Files.getLastModifiedTime(task.resolve("decoy.json")).toMillis();
        DecoyOutcome again = new DecoyDemo(config, null).run();
        assertEquals(outcome.json(), again.json());
        assertEquals(modified, Files.getLastModifiedTime(model).toMillis());
        assertEquals(taskWritten, Files.getLastModifiedTime(task.resolve("decoy.json")).toMillis());
    }

    @Test
    void runsOfAnotherTaskAreRefusedNotReused() throws IOException {
        config(1).task().write(out.resolve("decoy/task"), null);
        Files.createDirectories(out.resolve("decoy/runs/ce/run-1"));
        IOException e = assertThrows(IOException.class, () -> new DecoyDemo(config(2), null).run());
        assertTrue(e.getMessage().startsWith(out.resolve("decoy/runs") + " holds runs trained on another decoy task"),
                e.getMessage());
        assertTrue(Files.isDirectory(out.resolve("decoy/runs/ce/run-1")), "nothing is deleted");
        // the same task is reused, runs and all
        assertTrue(GeneratedTask.isCurrent(out.resolve("decoy/task"), "decoy.json", config(1).task().fingerprint(),
                "split.csv"));
    }
}
