package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code cyborg spark score} against {@code cyborg score} on the toy benchmark, on local[2]. */
class SparkScoreCommandTest {
    @TempDir
    Path dir;

    @Test
    void csvOutputIsCyborgScoresFileAndEvaluateReadsIt() throws IOException {
        String data = Toy.data().toString();
        String model = Toy.model().toString();
        Path expected = dir.resolve("expected.csv");
        Cli score = Cli.run("score", "--model", model, "--csv", data + "/split.csv", "--images", data + "/images",
                "--out", expected.toString());
        assertEquals(0, score.status, score.toString());
        Path out = dir.resolve("spark");
        Cli spark = Cli.run("spark", "score", "--master", "local[2]", "--model", model, "--csv", data + "/split.csv",
                "--images", data + "/images", "--format", "csv", "--out", out.toString());
        assertEquals(0, spark.status, spark.toString());
        List<String> want = Files.readAllLines(expected);
        List<String> got = Files.readAllLines(out.resolve("scores.csv"));
        assertEquals(want.size(), got.size(), spark.toString());
        for (int i = 0; i < want.size(); i++) {
            String w = want.get(i);
            String g = got.get(i);
            int wc = w.lastIndexOf(',');
            int gc = g.lastIndexOf(',');
            assertEquals(w.substring(0, wc), g.substring(0, gc));
            assertEquals(Double.parseDouble(w.substring(wc + 1)), Double.parseDouble(g.substring(gc + 1)), 1e-6, w);
        }
        assertTrue(spark.out.contains("scored " + want.size() + " images, 0 errors"), spark.out);
        Cli eval = Cli.run("evaluate", "--scores", out.resolve("scores.csv").toString(), "--csv", data + "/split.csv",
                "--out", dir.resolve("eval").toString());
        assertEquals(0, eval.status, eval.toString());
    }

    /** A list file of these lines. */
    private Path listFile(String... images) throws IOException {
        Path list = dir.resolve("list-" + images.length + ".txt");
        Files.write(list, List.of(images));
        return list;
    }

    @Test
    void aListGivenAsAFileUriIsReadNotReportedAsNotFound() throws IOException {
        String image = Toy.data().resolve("images").toString() + firstTestRelpath();
        String uri = listFile(image).toUri().toString();
        assertTrue(uri.startsWith("file:///"), uri);
        Cli r = Cli.run("spark", "score", "--master", "local[1]", "--model", Toy.model().toString(), "--list", uri,
                "--format", "csv", "--out", dir.resolve("o").toString());
        assertEquals(0, r.status, r.toString());
        assertTrue(r.out.contains("scored 1 images, 0 errors"), r.out);
    }

    @Test
    void aJobThatScoredNoImageExits1AndFailOnErrorsMakesAnyErrorExit1() throws IOException {
        String good = Toy.data().resolve("images").toString() + firstTestRelpath();
        String missing = dir.resolve("missing.png").toString();
        String model = Toy.model().toString();
        String allBad = listFile(missing, dir.resolve("missing2.png").toString()).toString();
        Cli none = Cli.run("spark", "score", "--master", "local[1]", "--model", model, "--list", allBad,
                "--format", "csv", "--out", dir.resolve("none").toString());
        assertEquals(1, none.status, none.toString());
        assertTrue(none.out.contains("scored 0 images, 2 errors"), none.out);
        assertEquals("error: no image was scored: all 2 failed (each is a row of errors.csv)", lastLine(none.err));
        assertTrue(Files.isRegularFile(dir.resolve("none/errors.csv")), "the errors table is written anyway");

        Cli allowed = Cli.run("spark", "score", "--master", "local[1]", "--model", model, "--list", allBad,
                "--no-fail-on-errors", "--format", "csv", "--out", dir.resolve("allowed").toString());
        assertEquals(0, allowed.status, allowed.toString());

        String oneBad = listFile(good, missing, "# a comment").toString();
        Cli some = Cli.run("spark", "score", "--master", "local[1]", "--model", model, "--list", oneBad,
                "--format", "csv", "--out", dir.resolve("some").toString());
        assertEquals(0, some.status, some.toString());
        Cli strict = Cli.run("spark", "score", "--master", "local[1]", "--model", model, "--list", oneBad,
                "--fail-on-errors", "--format", "csv", "--out", dir.resolve("strict").toString());
        assertEquals(1, strict.status, strict.toString());
        assertEquals("error: 1 of 2 images failed (--fail-on-errors; each is a row of errors.csv)", lastLine(strict.err));
    }

    /** The last line of what the command printed on stderr (the progress bar comes first). */
    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    private static String firstTestRelpath() throws IOException {
        String row = Files.readAllLines(Toy.data().resolve("split.csv")).stream().filter(l -> l.startsWith("test,"))
                .findFirst().orElseThrow();
        return row.substring(row.lastIndexOf(',') + 1);
    }

    @Test
    void deviceGpuOnALocalMasterWithoutAGpuIsOneErrorBeforeAnyTask() throws IOException {
        String list = listFile(Toy.data().resolve("images").toString() + firstTestRelpath()).toString();
        Path out = dir.resolve("gpu");
        Cli r = Cli.run("spark", "score", "--master", "local[1]", "--model", Toy.model().toString(), "--list", list,
                "--device", "gpu", "--out", out.toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.contains("--device gpu: PyTorch sees no GPU here"), r.toString());
        assertFalse(Files.exists(out.resolve("scores.parquet")), "nothing written");
    }

    @Test
    void anExistingOutIsRefusedUnlessModeOverwriteOrAppendSaysOtherwise() throws IOException {
        String list = listFile(Toy.data().resolve("images").toString() + firstTestRelpath()).toString();
        Path out = dir.resolve("again");
        String[] args = {"spark", "score", "--master", "local[1]", "--model", Toy.model().toString(), "--list", list,
            "--out", out.toString()};
        Cli first = Cli.run(args);
        assertEquals(0, first.status, first.toString());
        Cli again = Cli.run(args);
        assertEquals(1, again.status, again.toString());
        assertEquals("error: " + out + " (--out) already holds errors.parquet, scores.parquet; choose a new --out, or"
                + " --mode overwrite to replace its tables, or --mode append to add this run's rows to its parquet"
                + " tables", again.err.strip());
        String[] append = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--mode", "append")).toArray(String[]::new);
        Cli appended = Cli.run(append);
        assertEquals(0, appended.status, appended.toString());
        try (var parts = Files.list(out.resolve("scores.parquet"))) {
            assertEquals(2, parts.filter(p -> p.getFileName().toString().startsWith("part-")).count(),
                    "one part file per run");
        }
        Cli bad = Cli.run("spark", "score", "--model", "m", "--list", list, "--mode", "merge", "--out", out.toString());
        assertEquals("error: --mode must be error, overwrite or append, not 'merge'", bad.err.strip());
    }

    @Test
    void aFolderUriIsListedBySparkAndScoredAsCyborgScoreDoes() throws IOException {
        Path data = Toy.data();
        Path expected = dir.resolve("expected-folder.csv");
        Cli score = Cli.run("score", "--model", Toy.model().toString(), "--csv", data + "/split.csv", "--images",
                data + "/images", "--out", expected.toString());
        assertEquals(0, score.status, score.toString());
        Path out = dir.resolve("folder-uri");
        Cli spark = Cli.run("spark", "score", "--master", "local[2]", "--model", Toy.model().toString(), "--folder",
                data.resolve("images/test").toUri().toString(), "--glob", "*.png", "--format", "csv", "--out",
                out.toString());
        assertEquals(0, spark.status, spark.toString());
        java.util.Map<String, String[]> rows = new java.util.HashMap<>();
        for (String line : Files.readAllLines(out.resolve("scores-detail.csv")).stream().skip(1).toList()) {
            String[] f = line.split(",");
            rows.put(f[0], f);
        }
        List<String> want = Files.readAllLines(expected);
        List<String> split = Files.readAllLines(data.resolve("split.csv"));
        for (String w : want) {
            String path = w.substring(0, w.lastIndexOf(','));
            String[] got = rows.get("file:" + Path.of(path).toAbsolutePath().normalize());
            assertTrue(got != null, path + " not scored: " + rows.keySet());
            assertEquals(Double.parseDouble(w.substring(w.lastIndexOf(',') + 1)), Double.parseDouble(got[1]), 1e-6, w);
            String row = split.stream().filter(l -> path.endsWith(l.substring(l.lastIndexOf(',') + 1))).findFirst()
                    .orElseThrow();
            assertEquals(row.split(",")[1], got[2], "the class from the folder names: " + path);
        }
        // the open set in both variants (marked, unmarked): more than cyborg score's split rows
        assertTrue(rows.size() > want.size(), rows.size() + " rows");
        Cli both = Cli.run("spark", "score", "--model", "m", "--folder", "f", "--list", "l", "--glob", "*.png",
                "--out", dir.resolve("x").toString());
        assertEquals("error: give one of --csv FILE with --images ROOT, --folder DIR or --list FILE", both.err.strip());
    }

    @Test
    void withoutImagesItSaysWhatToGive() {
        Cli r = Cli.run("spark", "score", "--model", "m", "--out", dir.toString());
        assertEquals(1, r.status);
        assertEquals("error: give one of --csv FILE with --images ROOT, --folder DIR or --list FILE", r.err.strip());
    }

    @Test
    void aMissingModelIsOneLineNamingIt() throws IOException {
        Path list = dir.resolve("list.txt");
        Files.writeString(list, "a.png\n");
        Cli r = Cli.run("spark", "score", "--master", "local[1]", "--model", dir.resolve("nope").toString(),
                "--list", list.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.startsWith("error: ") && r.err.contains("nope") && r.err.strip().lines().count() == 1,
                r.toString());
    }

    @Test
    void aModelUriIsRefusedWithWhatToDo() throws IOException {
        Path list = dir.resolve("list.txt");
        Files.writeString(list, "a.png\n");
        Cli r = Cli.run("spark", "score", "--model", "hdfs://nn/models/run", "--list", list.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.startsWith("error: --model hdfs://nn/models/run: a model is read from a path"), r.err);
    }

    @Test
    void helpExplainsTheColumnsWithExamples() {
        Cli r = Cli.run("spark", "score", "--help");
        assertEquals(0, r.status);
        assertTrue(r.out.startsWith("Usage: cyborg spark score"), r.out);
        assertTrue(r.out.contains("  cyborg spark score --model"), r.out);
        assertTrue(r.out.contains("cam_entropy") && r.out.contains("errors table"), r.out);
    }
}
