package cyborg.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.data.SkipReport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class EvaluationTest {
    @TempDir
    Path dir;

    private LabelIndex labels() throws IOException {
        Path csv = Files.writeString(dir.resolve("split.csv"), String.join("\n",
                "test,Real,/test/0_real/ffhq/a.png",
                "test,Real,/test/0_real/celeba/b.png",
                "test,Synthetic,/test/1_fake/stylegan/c.png",
                "test,Synthetic,/test/1_fake/progan/d.png", ""));
        return LabelIndex.fromCsv(csv, "test", SkipReport.failFast());
    }

    @Test
    void scorePathsMatchTheRowWhoseRelpathTheyEndWith() throws IOException {
        LabelIndex index = labels();
        assertEquals(1, index.find("/data/images/test/1_fake/stylegan/c.png").label());
        assertEquals("ffhq", index.find("images/test/0_real/ffhq/a.png").source());
        assertNull(index.find("/data/images/test/0_real/ffhq/zzz.png"));
    }

    private Path scores(String name, double a, double b, double c, double d) throws IOException {
        return Files.writeString(dir.resolve(name), String.format(java.util.Locale.ROOT,
                "/r/test/0_real/ffhq/a.png,%s%n/r/test/0_real/celeba/b.png,%s%n/r/test/1_fake/stylegan/c.png,%s%n"
                        + "/r/test/1_fake/progan/d.png,%s%n", a, b, c, d));
    }

    @Test
    void severalRunsGiveMeanAndPopulationStd() throws IOException {
        // run 1 separates perfectly (AUC 1); run 2 ranks one synthetic below one real (AUC 0.75)
        List<RunMetrics> runs = Evaluation.evaluate(List.of(scores("s1.csv", 0.1, 0.2, 0.8, 0.9),
                scores("s2.csv", 0.1, 0.6, 0.5, 0.9)), labels(), false);
        MetricsReport report = new MetricsReport(runs);
        Map<String, Object> json = report.json();
        assertEquals(0.875, (double) json.get("auc"), 1e-12);
        assertEquals(0.125, (double) ((Map<?, ?>) json.get("std")).get("auc"), 1e-12);
        assertEquals(2, json.get("n_runs"));
        assertEquals(2L, json.get("n_real"));
        @SuppressWarnings("unchecked")
        Map<String, Double> perSource = (Map<String, Double>) json.get("per_source");
        // stylegan (0.8 / 0.5) against both reals: run 1 AUC 1, run 2 AUC 0.5 -> mean 0.75
        assertEquals(0.75, perSource.get("stylegan"), 1e-12);
        assertEquals(1.0, perSource.get("progan"), 1e-12);
        assertTrue(report.table().contains("0.875 ± 0.125"), report.table());
        report.write(dir.resolve("out"));
        for (String f : List.of("metrics.json", "metrics.txt", "roc.png", "roc.svg")) {
            assertTrue(Files.size(dir.resolve("out").resolve(f)) > 0, f);
        }
    }

    @Test
    void scoreOfAnUnknownImageIsAnErrorNamingFileAndLine() throws IOException {
        Path s = Files.writeString(dir.resolve("bad.csv"), "/r/test/0_real/ffhq/a.png,0.1\n/r/elsewhere/x.png,0.5\n");
        IOException e = assertThrows(IOException.class, () -> Evaluation.evaluate(List.of(s), labels(), false));
        assertTrue(e.getMessage().contains("bad.csv:2") && e.getMessage().contains("/r/elsewhere/x.png"), e.getMessage());
    }

    @Test
    void aucAgainstLabelsWhoseSourcesHoldBothClassesIsTheRankAuc() throws IOException {
        // labels as a decoy implies them: each source folder holds both classes, which the
        // per-source AUC of evaluate refuses
        Path csv = Files.writeString(dir.resolve("decoy-truth.csv"), String.join("\n",
                "test,Real,/test/real/smooth/a.png", "test,Synthetic,/test/real/smooth/b.png",
                "test,Real,/test/synthetic/textured/c.png", "test,Synthetic,/test/synthetic/textured/d.png", ""));
        LabelIndex truth = LabelIndex.fromCsv(csv, "test", SkipReport.failFast());
        List<cyborg.score.Score> scores = List.of(new cyborg.score.Score("/r/test/real/smooth/a.png", 0.1),
                new cyborg.score.Score("/r/test/real/smooth/b.png", 0.7),
                new cyborg.score.Score("/r/test/synthetic/textured/c.png", 0.8),
                new cyborg.score.Score("/r/test/synthetic/textured/d.png", 0.9));
        assertThrows(IOException.class, () -> Evaluation.evaluate(dir.resolve("s.csv"), scores, truth));
        // synthetic 0.7 and 0.9 against real 0.1 and 0.8: 3 of 4 pairs ordered
        assertEquals(0.75, Evaluation.auc(dir.resolve("s.csv"), scores, truth), 1e-12);
        IOException missing = assertThrows(IOException.class,
                () -> Evaluation.auc(dir.resolve("s.csv"), scores.subList(0, 3), truth));
        assertTrue(missing.getMessage().startsWith(dir.resolve("s.csv") + ": 1 of the 4"), missing.getMessage());
        assertTrue(missing.getMessage().contains("/test/synthetic/textured/d.png"), missing.getMessage());
    }
}
