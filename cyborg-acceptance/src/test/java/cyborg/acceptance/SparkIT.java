package cyborg.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code spark score} on {@code local[2]}, to parquet (the default) and csv, through the launcher (Spark
 * in the launcher's JVM, on cyborg-cli's class path) and through {@code tools/spark/spark-submit} with the
 * shaded jar (Spark's own class path beside it, as a cluster runs it). The parquet is read back with
 * Parquet's Java reader, and with pyarrow and duckdb; every score must be {@code cyborg score}'s.
 */
class SparkIT {
    private static final Path DIR = Product.WORK.resolve("spark");
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    @AfterAll
    static void stop() {
        Product.stopAll();
    }

    @Test
    @Covers("spark")
    @Covers("spark score")
    void theLauncherWritesParquetWithCyborgScoresScores() throws IOException {
        Path out = DIR.resolve("launcher-parquet");
        Product.run("spark-score-parquet", TIMEOUT, Product.launcher(score(out))).ok();
        assertSameScores(readParquet(out.resolve("scores.parquet")));
        assertSameScores(readWithPython(out.resolve("scores.parquet")));
    }

    @Test
    @Covers("spark score")
    void theLauncherWritesCsvFromAListGivenAsAFileUri() throws IOException {
        Path list = Files.createDirectories(DIR).resolve("list.txt");
        Files.writeString(list, "# the open set\n" + Fixture.testImages().stream().map(Path::toString)
                .collect(Collectors.joining("\n")) + "\n");
        Path out = DIR.resolve("launcher-csv");
        Product.run("spark-score-csv", TIMEOUT, Product.launcher("spark", "score", "--master", "local[2]",
                "--model", Fixture.model().toString(), "--list", list.toUri().toString(), "--format", "csv",
                "--out", out.toString())).ok();
        assertSameScores(Fixture.readScores(out.resolve("scores.csv")));
    }

    @Test
    @Covers("spark score")
    void nothingScoredIsAFailure() throws IOException {
        Path list = Files.createDirectories(DIR).resolve("missing.txt");
        Files.writeString(list, DIR.resolve("no-such-1.png") + "\n" + DIR.resolve("no-such-2.png") + "\n");
        Path out = DIR.resolve("launcher-missing");
        Product.Run run = Product.run("spark-score-missing", TIMEOUT, Product.launcher("spark", "score",
                "--master", "local[2]", "--model", Fixture.model().toString(), "--list", list.toString(),
                "--format", "csv", "--out", out.toString()));
        assertNotEquals(0, run.exit(), () -> "every image failed: a scheduler must see a failure\n" + run.describe());
        String errors = Product.read(out.resolve("errors.csv"));
        assertTrue(errors.contains("no-such-1.png") && errors.contains("no-such-2.png"), errors);
    }

    @Test
    @Covers("spark score")
    void sparkSubmitOfTheShadedJarWritesParquet() throws IOException {
        Path out = DIR.resolve("submit-parquet");
        Product.run("spark-submit-parquet", TIMEOUT, Product.sparkSubmit("local[2]", score(out))).ok();
        assertSameScores(readParquet(out.resolve("scores.parquet")));
    }

    @Test
    @Covers("spark score")
    void sparkSubmitOfTheShadedJarWritesCsv() {
        Path out = DIR.resolve("submit-csv");
        List<String> args = new ArrayList<>(List.of(score(out)));
        args.addAll(List.of("--format", "csv"));
        Product.run("spark-submit-csv", TIMEOUT, Product.sparkSubmit("local[2]", args.toArray(String[]::new))).ok();
        assertSameScores(Fixture.readScores(out.resolve("scores.csv")));
    }

    @Test
    @Covers("spark score")
    void anExistingOutIsRefusedByDefaultAndReplacedWithModeOverwriteUnderSparkSubmit() throws IOException {
        Path out = DIR.resolve("modes");
        Product.run("spark-score-first", TIMEOUT, Product.launcher(score(out))).ok();
        List<Path> first = CommandsIT.files(out, "");
        Product.Run again = Product.run("spark-score-refused", TIMEOUT, Product.launcher(score(out)));
        assertNotEquals(0, again.exit(), again::describe);
        assertTrue(again.stderr().contains(out + " (--out) already holds errors.parquet, scores.parquet; choose a new"
                + " --out, or --mode overwrite"), again::describe);
        assertEquals(first, CommandsIT.files(out, ""), "refused before any work");
        List<String> overwrite = new ArrayList<>(List.of(score(out)));
        overwrite.addAll(List.of("--mode", "overwrite"));
        Product.run("spark-submit-overwrite", TIMEOUT, Product.sparkSubmit("local[2]",
                overwrite.toArray(String[]::new))).ok();
        assertSameScores(readParquet(out.resolve("scores.parquet")));
        assertTrue(CommandsIT.files(out, ".crc").isEmpty(), "no checksum files: " + CommandsIT.files(out, ""));
    }

    private static String[] score(Path out) {
        return new String[] {"spark", "score", "--master", "local[2]", "--model", Fixture.model().toString(),
            "--csv", Fixture.CSV.toString(), "--images", Fixture.IMAGES.toString(), "--out", out.toString()};
    }

    private static void assertSameScores(Map<String, Double> scores) {
        Map<String, Double> expected = Fixture.scores();
        assertEquals(expected.keySet(), scores.keySet(), "every open-set image, once");
        // batches may hold other images than cyborg score's (the last bit may differ)
        expected.forEach((path, score) -> assertEquals(score, scores.get(path), 2e-6, path));
    }

    /**
     * Path to score from a parquet table read by readers that share no code with Spark or Java: pyarrow and
     * duckdb (tools/python/read_parquet.py checks that the two agree), from a virtual environment made with the
     * machine's Python package mirror (tools/python/venv).
     */
    private static Map<String, Double> readWithPython(Path table) {
        Path venv = Product.WORK.resolve("pyenv");
        Product.Run made = Product.run("python-venv", Duration.ofMinutes(5),
                List.of(Product.ROOT.resolve("tools/python/venv").toString(), venv.toString())).ok();
        String python = made.stdout().strip();
        Product.Run read = Product.run("read-parquet", Duration.ofMinutes(2), List.of(python,
                Product.ROOT.resolve("tools/python/read_parquet.py").toString(), table.toString(), "path", "score",
                "predicted", "model_id")).ok();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String line : read.stdout().lines().toList()) {
            com.google.gson.JsonObject row = com.google.gson.JsonParser.parseString(line).getAsJsonObject();
            assertTrue(row.get("model_id").getAsString().matches("sha256:[0-9a-f]{16}"), line);
            scores.put(row.get("path").getAsString(), row.get("score").getAsDouble());
        }
        assertTrue(read.stderr().contains("with pyarrow"), read.stderr());
        return scores;
    }

    /**
     * Path to score from spark score's parquet table (a folder of part files), read with Parquet's example
     * reader, not Spark's.
     */
    private static Map<String, Double> readParquet(Path table) throws IOException {
        assertTrue(Files.exists(table), table + " was not written");
        Map<String, Double> scores = new LinkedHashMap<>();
        // a folder of part files, one written by each task
        List<Path> parts = CommandsIT.files(table, ".parquet");
        assertTrue(parts.size() >= 2, "a table of one part file was written by one task: " + parts);
        for (Path part : parts) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                    new org.apache.hadoop.fs.Path(part.toUri())).build()) {
                for (Group row = reader.read(); row != null; row = reader.read()) {
                    assertTrue(List.of("Real", "Synthetic").contains(row.getString("predicted", 0)), row.toString());
                    assertTrue(row.getString("model_id", 0).matches("sha256:[0-9a-f]{16}"), row.toString());
                    // float in the table (as cyborg score computes it), read whatever its width
                    scores.put(row.getString("path", 0), Double.parseDouble(row.getValueToString(
                            row.getType().getFieldIndex("score"), 0)));
                }
            }
        }
        return scores;
    }
}
