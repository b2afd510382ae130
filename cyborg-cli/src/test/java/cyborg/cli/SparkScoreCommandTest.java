package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
