package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The acceptance path: a ResNet-18 at 64 px trained with the CYBORG loss, scored, evaluated. */
class PipelineTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void data() {
        Cli r = Cli.run("synth", "--out", dir.resolve("toy").toString(), "--size", "64", "--train-per-class", "12",
                "--val-per-class", "6", "--test-per-source", "12");
        assertEquals(0, r.status, r.toString());
    }

    private static String p(String rel) {
        return dir.resolve(rel).toString();
    }

    @Test
    void trainScoreEvaluateWriteWellFormedOutputs() throws IOException {
        Cli train = Cli.run("train", "--csv", p("toy/split.csv"), "--images", p("toy/images"), "--maps", p("toy/maps"),
                "--arch", "resnet18", "--size", "64", "--epochs", "2", "--batch", "8", "--loss", "cyborg",
                "--out", p("run"));
        assertEquals(0, train.status, train.toString());
        assertTrue(train.out.contains("validating on the 'val' rows"), train.out);
        for (String f : List.of("model.json", "model.safetensors", "train-log.jsonl", "loss-curves.png",
                "accuracy-curves.svg", "checkpoint/last.safetensors")) {
            assertTrue(Files.size(dir.resolve("run").resolve(f)) > 0, f);
        }
        Cli score = Cli.run("score", "--model", p("run"), "--csv", p("toy/split.csv"), "--images", p("toy/images"),
                "--cams", p("cams"), "--out", p("scores.csv"));
        assertEquals(0, score.status, score.toString());
        List<String> rows = Files.readAllLines(dir.resolve("scores.csv"));
        assertEquals(12 + 30, rows.size(), "12 authentic faces of the training style, 6 per open-set generator");
        for (String row : rows) {
            String[] cols = row.split(",");
            assertEquals(2, cols.length, row);
            assertTrue(cols[0].startsWith(p("toy/images") + "/test/"), row);
            double s = Double.parseDouble(cols[1]);
            assertTrue(s > 0 && s < 1, row);
        }
        try (java.util.stream.Stream<Path> cams = Files.walk(dir.resolve("cams"))) {
            assertEquals(rows.size(), cams.filter(f -> f.toString().endsWith("_overlay.png")).count(), "one per image");
        }
        Cli contrast = Cli.run("score", "--model", p("run"), "--csv", p("toy/split.csv"), "--images", p("toy/images"),
                "--cams", p("cams-contrast"), "--cam-class", "contrast", "--out", p("scores-contrast.csv"));
        assertEquals(0, contrast.status, contrast.toString());
        assertEquals(rows, Files.readAllLines(dir.resolve("scores-contrast.csv")), "the CAM class does not change scores");
        int differing = 0;
        for (String row : rows) {
            // named by the image's path under the image root
            String name = Path.of(p("toy/images")).relativize(Path.of(row.split(",")[0])).toString()
                    .replace(".png", "_cam.png");
            differing += java.util.Arrays.equals(Files.readAllBytes(dir.resolve("cams").resolve(name)),
                    Files.readAllBytes(dir.resolve("cams-contrast").resolve(name))) ? 0 : 1;
        }
        assertTrue(differing > rows.size() / 2, "contrastive maps must differ from the predicted class's: " + differing);
        Cli eval = Cli.run("evaluate", "--scores", p("scores.csv"), "--csv", p("toy/split.csv"), "--out", p("eval"));
        assertEquals(0, eval.status, eval.toString());
        assertTrue(eval.out.contains("ROC AUC"), eval.out);
        JsonObject m = JsonParser.parseString(Files.readString(dir.resolve("eval/metrics.json"))).getAsJsonObject();
        for (String key : List.of("auc", "tdr_at_fdr", "apcer", "bpcer", "acer", "per_source", "n_real", "n_synthetic")) {
            assertTrue(m.has(key), key);
        }
        assertEquals(12, m.get("n_real").getAsInt());
        assertTrue(m.getAsJsonObject("tdr_at_fdr").has("0.001"));
        assertTrue(m.getAsJsonObject("per_source").has("droplet"));
        assertTrue(Files.size(dir.resolve("eval/roc.png")) > 0 && Files.size(dir.resolve("eval/roc.svg")) > 0);
    }

    @Test
    void corruptImageStopsTrainingWithItsNameAndSkipBadReportsIt() throws IOException {
        Path copy = copyWithTruncatedImage("bad", "train-upsample-eyes-mouth-00003.png");
        String[] args = {"train", "--csv", copy.resolve("split.csv").toString(), "--images",
            copy.resolve("images").toString(), "--maps", copy.resolve("maps").toString(), "--arch", "resnet18",
            "--size", "32", "--epochs", "1", "--batch", "8"};
        Cli fail = Cli.run(concat(args, "--out", p("bad-run")));
        assertEquals(1, fail.status, fail.toString());
        assertTrue(fail.err.contains("train-upsample-eyes-mouth-00003.png") && fail.err.contains("split.csv:"), fail.err);
        assertTrue(fail.err.contains("--skip-bad"), fail.err);
        Cli skip = Cli.run(concat(args, "--out", p("skip-run"), "--skip-bad"));
        assertEquals(0, skip.status, skip.toString());
        assertTrue(skip.out.contains("skipped 1 input: 1 unreadable, truncated or unsupported image"), skip.out);
        assertTrue(skip.out.contains("on 23 images"), skip.out);
    }

    @Test
    void scoringStopsAtACorruptImageOrSkipsAndCountsIt() throws IOException {
        Path copy = copyWithTruncatedImage("bad-test", "test-wild-00005.png");
        Cli train = Cli.run("train", "--csv", p("toy/split.csv"), "--images", p("toy/images"), "--loss", "ce",
                "--arch", "resnet18", "--size", "32", "--epochs", "1", "--batch", "8", "--out", p("score-run"));
        assertEquals(0, train.status, train.toString());
        String[] args = {"score", "--model", p("score-run"), "--csv", copy.resolve("split.csv").toString(),
            "--images", copy.resolve("images").toString(), "--batch", "4"};
        Cli fail = Cli.run(concat(args, "--out", p("bad-scores.csv")));
        assertEquals(1, fail.status, fail.toString());
        assertTrue(fail.err.contains("test-wild-00005.png"), fail.err);
        assertTrue(Files.notExists(dir.resolve("bad-scores.csv")), "no partial score file");
        Cli skip = Cli.run(concat(args, "--out", p("skip-scores.csv"), "--skip-bad"));
        assertEquals(0, skip.status, skip.toString());
        assertEquals(42 - 1, Files.readAllLines(dir.resolve("skip-scores.csv")).size());
        assertTrue(skip.out.contains("skipped 1 input"), skip.out);
    }

    @Test
    void saliencyWritesMapsOverlaysAndAnIndex() throws IOException {
        Cli train = Cli.run("train", "--csv", p("toy/split.csv"), "--images", p("toy/images"), "--loss", "ce",
                "--arch", "smallresnet", "--size", "32", "--epochs", "1", "--batch", "8", "--out", p("sal-run"));
        assertEquals(0, train.status, train.toString());
        Cli sal = Cli.run("saliency", "--model", p("sal-run"), "--method", "gradcampp", "--csv", p("toy/split.csv"),
                "--images", p("toy/images"), "--limit", "5", "--out", p("sal"));
        assertEquals(0, sal.status, sal.toString());
        List<String> index = Files.readAllLines(dir.resolve("sal/saliency.csv"));
        assertEquals(6, index.size(), "header and five images");
        String first = index.get(1).split(",")[3];
        Path map = dir.resolve("sal").resolve(first);
        assertTrue(Files.isRegularFile(map), first);
        assertTrue(Files.isRegularFile(Path.of(map.toString().replace(".png", ".map.png"))));
        assertTrue(Files.isRegularFile(Path.of(map.toString().replace(".png", ".overlay.png"))));
        assertEquals(32, javax.imageio.ImageIO.read(map.toFile()).getWidth());
        Cli bad = Cli.run("saliency", "--model", p("sal-run"), "--method", "lime", "--folder", p("toy/images"),
                "--out", p("sal2"));
        assertEquals(1, bad.status);
        assertTrue(bad.err.contains("scorecam"), bad.err);
    }

    @Test
    void explainComparesAGroupOfRunsGivenAsTheirFolder() throws IOException {
        Cli train = Cli.run("train", "--csv", p("toy/split.csv"), "--images", p("toy/images"), "--loss", "ce",
                "--arch", "smallresnet", "--size", "56", "--epochs", "1", "--batch", "8", "--runs", "2",
                "--out", p("expl-runs"));
        assertEquals(0, train.status, train.toString());
        Cli r = Cli.run("explain", "--group", "ce=" + p("expl-runs"), "--csv", p("toy/split.csv"), "--images",
                p("toy/images"), "--limit", "2", "--steps", "2", "--out", p("expl"));
        assertEquals(0, r.status, r.toString());
        JsonObject m = JsonParser.parseString(Files.readString(dir.resolve("expl/measures.json"))).getAsJsonObject();
        assertEquals(2, m.getAsJsonObject("models").size(), "run-1 and run-2 found in the folder");
        assertEquals(1, m.getAsJsonObject("groups").getAsJsonObject("ce").getAsJsonObject("stability").get("pairs").getAsInt());
        assertTrue(Files.size(dir.resolve("expl/report.html")) > 0);
    }

    @Test
    void lossWithoutMapsSaysWhatToPass() {
        Cli r = Cli.run("train", "--csv", p("toy/split.csv"), "--images", p("toy/images"), "--arch", "resnet18",
                "--size", "32", "--epochs", "1", "--out", p("nomaps"));
        assertEquals(1, r.status);
        assertTrue(r.err.contains("--maps"), r.err);
    }

    @Test
    void splitFileWithoutValidationRowsIsRefused() throws IOException {
        Path csv = dir.resolve("train-only.csv");
        List<String> rows = Files.readAllLines(dir.resolve("toy/split.csv")).stream()
                .filter(r -> r.startsWith("train,")).toList();
        Files.write(csv, rows);
        Cli r = Cli.run("train", "--csv", csv.toString(), "--images", p("toy/images"), "--loss", "ce",
                "--arch", "resnet18", "--size", "32", "--epochs", "1", "--out", p("empty-val"));
        assertEquals(1, r.status);
        assertTrue(r.err.contains("train-only.csv") && r.err.contains("no 'val' or 'test' rows"), r.err);
    }

    /** A copy of the data set in which the image split.csv lists as {@code fileName} is cut to a third of its bytes. */
    private static Path copyWithTruncatedImage(String name, String fileName) throws IOException {
        Path copy = dir.resolve(name);
        copyTree(dir.resolve("toy"), copy);
        String relpath = Files.readAllLines(copy.resolve("split.csv")).stream().map(r -> r.split(",")[2])
                .filter(r -> r.endsWith("/" + fileName)).findFirst().orElseThrow();
        Path victim = copy.resolve("images" + relpath);
        byte[] bytes = Files.readAllBytes(victim);
        Files.write(victim, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        return copy;
    }

    static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }
}
