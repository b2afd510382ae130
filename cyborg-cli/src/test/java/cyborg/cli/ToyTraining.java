package cyborg.cli;

import java.nio.file.Path;
import java.util.stream.Stream;

/** Command lines that train on the {@link Toy} data as cheaply as possible (smallresnet, 32 px, one epoch). */
final class ToyTraining {
    private ToyTraining() {}

    /** {@code cyborg train} on the toy split into {@code out}, then {@code more}. */
    static String[] args(Path out, String... more) {
        return Stream.concat(Stream.of("train", "--csv", Toy.csv(), "--images", Toy.images(), "--arch", "smallresnet",
                "--size", "32", "--epochs", "1", "--batch", "8", "--out", out.toString()), Stream.of(more))
                .toArray(String[]::new);
    }
}
