package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny benchmark and a model trained on it, made once per test JVM and shared by the tests that
 * only read them (copy before changing anything).
 */
final class Toy {
    private static Path root;
    private static Path model;

    private Toy() {}

    /** The benchmark folder: split.csv, images/, maps/ (32 px; 8 + 4 per class, 4 per open-set source). */
    static synchronized Path data() {
        if (root == null) {
            try {
                Path dir = Files.createTempDirectory("cyborg-toy");
                dir.toFile().deleteOnExit();
                Cli r = Cli.run("synth", "--out", dir.resolve("data").toString(), "--size", "32",
                        "--train-per-class", "8", "--val-per-class", "4", "--test-per-source", "4");
                assertEquals(0, r.status, r.toString());
                root = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root.resolve("data");
    }

    /** A smallresnet model folder trained one epoch on {@link #data()} with the CYBORG loss. */
    static synchronized Path model() {
        if (model == null) {
            Path data = data();
            Path out = root.resolve("run");
            Cli r = Cli.run("train", "--csv", data.resolve("split.csv").toString(), "--images",
                    data.resolve("images").toString(), "--maps", data.resolve("maps").toString(), "--arch",
                    "smallresnet", "--size", "32", "--epochs", "1", "--batch", "8", "--loss", "cyborg", "--out",
                    out.toString());
            assertEquals(0, r.status, r.toString());
            model = out;
        }
        return model;
    }

    static String csv() {
        return data().resolve("split.csv").toString();
    }

    static String images() {
        return data().resolve("images").toString();
    }
}
