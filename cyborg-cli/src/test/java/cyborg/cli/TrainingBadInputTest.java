package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Training inputs that would leave a map-based loss without maps, and maps that cannot be used. */
class TrainingBadInputTest extends BadInputCorpus {
    @Override
    List<BadInput> cases(Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty-maps"));
        Path constant = mapsWhere(dir.resolve("constant-maps"), name -> true, TrainingBadInputTest::constantPng);
        Path undecodable = mapsWhere(dir.resolve("undecodable-maps"), name -> name.startsWith("train-wild-00003."),
                file -> Files.writeString(file, "not a png"));
        Path mapsFile = Files.writeString(dir.resolve("maps-file.png"), "x");
        return List.of(
                BadInput.fails("train: a map loss with an empty maps folder", "empty-maps",
                        "matched to its image by the image's path", train(dir, empty, "--loss", "cyborg")),
                BadInput.fails("train: rrr with an empty maps folder", "empty-maps", "none of the 16 training images",
                        train(dir, empty, "--loss", "rrr")),
                BadInput.fails("train: counterexamples with an empty maps folder", "empty-maps",
                        "counterexamples (--counterfactual) needs them",
                        train(dir, empty, "--loss", "ce", "--counterfactual", "0.5")),
                BadInput.fails("train: every map constant", "constant-maps", "16 of them have a constant map",
                        train(dir, constant, "--loss", "cyborg")),
                BadInput.fails("train: --maps is a file", "maps-file.png", "a file, not a map folder",
                        train(dir, mapsFile, "--loss", "cyborg")),
                BadInput.failsNamingOnce("train: a map that cannot be decoded, its path said once",
                        "train-wild-00003.1.png", "human map", train(dir, undecodable, "--loss", "cyborg")),
                BadInput.fails("train --resume: a folder without a run", "no-run", "no run to resume",
                        "train", "--out", Files.createDirectories(dir.resolve("no-run")).toString(), "--resume"),
                BadInput.fails("train --resume: --out does not exist", "no-such-run", "no run to resume",
                        "train", "--out", dir.resolve("no-such-run").toString(), "--resume"),
                BadInput.skips("train --skip-bad: a map that cannot be decoded", "unreadable human map",
                        train(dir, undecodable, "--loss", "cyborg", "--skip-bad")));
    }

    @Test
    void imagesWithoutAUsableMapAreCountedAndWhatTheyTrainWithIsSaid() throws IOException {
        // 3 images lose their maps, 1 gets a constant one: 12 of 16 keep a usable map
        List<String> bare = List.of("train-wild-00001.", "train-wild-00002.", "train-wild-00004.");
        Path maps = mapsWhere(dir.resolve("partial-maps"), name -> name.startsWith("train-wild-00000."),
                TrainingBadInputTest::constantPng, name -> bare.stream().noneMatch(name::startsWith));
        Cli r = Cli.run(train(dir, maps, "--loss", "focus"));
        assertEquals(0, r.status, r.toString());
        assertTrue(r.out.contains("human maps (" + maps + "): 12 of 16 training images; the other 4 train with ce,"
                + " logent only (1 of them has a constant map, which marks nothing"), r.toString());
    }

    private static String[] train(Path dir, Path maps, String... more) {
        Path out = dir.resolve("run-" + maps.getFileName() + String.join("", more).replace("-", ""));
        return ToyTraining.args(out, Stream.concat(Stream.of("--maps", maps.toString()), Stream.of(more))
                .toArray(String[]::new));
    }

    /** Changes a map file in place. */
    private interface MapChange {
        void apply(Path file) throws IOException;
    }

    private static Path mapsWhere(Path to, java.util.function.Predicate<String> changed, MapChange change)
            throws IOException {
        return mapsWhere(to, changed, change, name -> true);
    }

    /** A copy of the toy maps ({@code kept} ones only) with the {@code changed} ones changed. */
    private static Path mapsWhere(Path to, java.util.function.Predicate<String> changed, MapChange change,
            java.util.function.Predicate<String> kept) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(Toy.data().resolve("maps"))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!kept.test(name)) {
                    continue;
                }
                Path copy = Files.copy(f, to.resolve(name));
                if (changed.test(name)) {
                    change.apply(copy);
                }
            }
        }
        return to;
    }

    private static void constantPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        BufferedImage flat = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < flat.getHeight(); y++) {
            for (int x = 0; x < flat.getWidth(); x++) {
                flat.getRaster().setSample(x, y, 0, 128);
            }
        }
        ImageIO.write(flat, "png", file.toFile());
    }
}
