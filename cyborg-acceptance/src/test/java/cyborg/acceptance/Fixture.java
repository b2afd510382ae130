package cyborg.acceptance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The small data every case shares, made once per run of the suite through the launcher: a
 * {@code cyborg synth} benchmark at 64 px (32 training, 12 validation and 21 open-set images) and one
 * smallresnet trained on it with the CYBORG loss for one epoch. Its steps are cases too
 * ({@link CommandsIT}), so a failure here is reported with the run's output.
 */
final class Fixture {
    static final Path DATA = Product.WORK.resolve("data");
    static final Path CSV = DATA.resolve("split.csv");
    static final Path IMAGES = DATA.resolve("images");
    static final Path MAPS = DATA.resolve("maps");
    static final Path MODEL = Product.WORK.resolve("model");
    static final Path SCORES = Product.WORK.resolve("scores.csv");
    static final Path CAMS = Product.WORK.resolve("cams");

    private static boolean data;
    private static boolean model;
    private static Map<String, Double> scores;

    private Fixture() {
    }

    static synchronized Product.Run synth() {
        Product.Run run = Product.cyborg("synth", "synth", "--out", DATA.toString(), "--size", "64", "--seed", "3",
                "--train-per-class", "16", "--val-per-class", "6", "--test-per-source", "6").ok();
        assertTrue(Files.isRegularFile(CSV) && Files.isDirectory(MAPS), run::describe);
        data = true;
        return run;
    }

    static synchronized Product.Run train() {
        data();
        Product.Run run = Product.cyborg("train", "train", "--csv", CSV.toString(), "--images", IMAGES.toString(),
                "--maps", MAPS.toString(), "--arch", "smallresnet", "--size", "64", "--epochs", "1", "--batch", "8",
                "--optimizer", "adam", "--lr", "0.001", "--loss", "cyborg", "--out", MODEL.toString()).ok();
        assertTrue(Files.isRegularFile(MODEL.resolve("model.safetensors")), run::describe);
        model = true;
        return run;
    }

    /** {@code cyborg score --cams} of the open set: the reference every other scoring path is held to. */
    static synchronized Product.Run score() {
        Product.Run run = Product.cyborg("score", "score", "--model", model().toString(), "--csv", CSV.toString(),
                "--images", IMAGES.toString(), "--cams", CAMS.toString(), "--out", SCORES.toString()).ok();
        scores = readScores(SCORES);
        return run;
    }

    /** Image path (as the score file writes it) to {@code cyborg score}'s score, in file order. */
    static synchronized Map<String, Double> scores() {
        if (scores == null) {
            score();
        }
        return scores;
    }

    /** A score file: no header, {@code imagepath,score} rows. */
    static Map<String, Double> readScores(Path file) {
        Map<String, Double> read = new LinkedHashMap<>();
        for (String line : Product.read(file).split("\n")) {
            if (!line.isBlank()) {
                int comma = line.lastIndexOf(',');
                read.put(line.substring(0, comma), Double.parseDouble(line.substring(comma + 1)));
            }
        }
        return read;
    }

    /** The benchmark's folder, made by the first case that needs it. */
    static synchronized Path data() {
        if (!data) {
            synth();
        }
        return DATA;
    }

    /** The trained run folder, made by the first case that needs it. */
    static synchronized Path model() {
        if (!model) {
            train();
        }
        return MODEL;
    }

    /** The open-set (test) images, as absolute paths in the split file's order. */
    static List<Path> testImages() {
        return rows("test");
    }

    static List<Path> rows(String split) {
        data();
        try (Stream<String> lines = Files.lines(CSV)) {
            return lines.map(l -> l.split(",", 3)).filter(r -> r[0].equals(split))
                    .map(r -> Path.of(IMAGES + r[2])).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
