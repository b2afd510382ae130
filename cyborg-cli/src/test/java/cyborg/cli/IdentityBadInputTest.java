package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Images that share a file name in different class, source or split folders, and image names
 * that lead nowhere: each image keeps its own human maps and its own output files (named by its
 * path under the data root), and a dangling link is counted, not dropped.
 */
class IdentityBadInputTest extends BadInputCorpus {
    /** Real and synthetic images per split folder, all named 0000.png, 0001.png, ... */
    private static final int TRAIN_PER_CLASS = 4;
    private static final int VAL_PER_CLASS = 2;

    /**
     * A folder layout whose Real and Synthetic images, and whose train and val images, share their
     * file names: {@code train/real/ffhq/0000.png}, {@code train/synthetic/stylegan/0000.png},
     * {@code val/real/ffhq/0000.png}, ... (the toy benchmark's images).
     */
    static Path sameNames(Path root) throws IOException {
        for (String split : List.of("train", "val")) {
            int n = split.equals("train") ? TRAIN_PER_CLASS : VAL_PER_CLASS;
            List<String> real = ToySplit.rows(split).stream().filter(r -> r.contains(",Real,")).toList();
            List<String> fake = ToySplit.rows(split).stream().filter(r -> r.contains(",Synthetic,")).toList();
            for (int i = 0; i < n; i++) {
                copy(real.get(i), root.resolve(split + "/real/ffhq/" + name(i)));
                copy(fake.get(i), root.resolve(split + "/synthetic/stylegan/" + name(i)));
            }
        }
        return root;
    }

    private static String name(int i) {
        return String.format("%04d.png", i);
    }

    private static void copy(String splitRow, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(Path.of(Toy.images() + splitRow.split(",", 3)[2]), to);
    }

    /** Copies a toy map to {@code to} (the maps' content does not matter here, only whose they are). */
    private static void map(Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> maps = Files.list(Toy.data().resolve("maps"))) {
            Files.copy(maps.sorted().findFirst().orElseThrow(), to);
        }
    }

    private static String[] train(Path folder, Path maps, Path out, String... more) {
        return Stream.concat(Stream.of("train", "--folder", folder.toString(), "--maps", maps.toString(), "--arch",
                "smallresnet", "--size", "32", "--epochs", "1", "--batch", "8", "--loss", "cyborg", "--out",
                out.toString()), Stream.of(more)).toArray(String[]::new);
    }

    @Override
    List<BadInput> cases(Path dir) throws Exception {
        Path same = sameNames(dir.resolve("same"));
        Path flatMaps = dir.resolve("maps-by-name");
        for (int i = 0; i < TRAIN_PER_CLASS; i++) {
            map(flatMaps.resolve(name(i))); // made for the real images, named by file name only
        }
        Path annotatorMaps = dir.resolve("maps-of-alice");
        map(annotatorMaps.resolve("alice/0001.png"));
        Path dangling = ScoreFileBadInputTest.imageFolder(dir.resolve("dangling"));
        Files.createSymbolicLink(dangling.resolve("real/studio/r9.png"), dir.resolve("moved-away.png"));
        Path images = Files.createDirectories(dir.resolve("images/test/real"));
        Files.createSymbolicLink(images.resolve("gone.png"), dir.resolve("moved-away.png"));
        String danglingCsv = ToySplit.write(dir.resolve("dangling.csv"), List.of("test,Real,/test/real/gone.png"));
        Path extensions = ScoreFileBadInputTest.imageFolder(dir.resolve("extensions"));
        Files.copy(extensions.resolve("real/studio/r0.png"), extensions.resolve("real/studio/r0.jpg"));
        String model = Toy.model().toString();
        return List.of(
                BadInput.fails("train --folder: a map named by file name, which a real and a synthetic image share",
                        flatMaps.resolve("0000.png").toString(), "could be the map of train/real/ffhq/0000.png or of"
                                + " train/synthetic/stylegan/0000.png",
                        train(same, flatMaps, dir.resolve("run-by-name"))),
                BadInput.fails("train --folder: an annotator's map named by a shared file name", "alice/0001.png",
                        "lay the maps out by each image's path under the data root",
                        train(same, annotatorMaps, dir.resolve("run-alice"))),
                BadInput.fails("score --folder: a dangling link among the images", "r9.png",
                        "is a link to " + dir.resolve("moved-away.png") + ", which does not exist",
                        "score", "--model", model, "--folder", dangling.toString(), "--out",
                        dir.resolve("dangling.csv.out").toString()),
                BadInput.skips("score --folder --skip-bad: a dangling link among the images", "1 missing file",
                        "score", "--model", model, "--folder", dangling.toString(), "--skip-bad", "--out",
                        dir.resolve("dangling-skipped.csv").toString()),
                BadInput.fails("score --csv: a row naming a dangling link", "dangling.csv:1", "is a link to",
                        "score", "--model", model, "--csv", danglingCsv, "--images", dir.resolve("images").toString(),
                        "--out", dir.resolve("dangling-csv-scores.csv").toString()),
                BadInput.fails("saliency --folder: two images whose names differ only in the extension", "r0.jpg",
                        "would both write", "saliency", "--model", model, "--folder", extensions.toString(),
                        "--out", dir.resolve("sal-extensions").toString()));
    }

    @Test
    void trainingOnSameNamedRealAndSyntheticImagesGivesTheMapsOfTheRealImagesToThemOnly() throws IOException {
        Path same = sameNames(dir.resolve("same"));
        Path maps = dir.resolve("maps");
        for (int i = 0; i < TRAIN_PER_CLASS; i++) {
            map(maps.resolve("train/real/ffhq/" + name(i)));
        }
        Cli r = Cli.run(train(same, maps, dir.resolve("run")));
        assertEquals(0, r.status, r.toString());
        assertTrue(r.out.contains("human maps (" + maps + "): 4 of 8 training images; the other 4 train with ce only"),
                "the synthetic images, named as the real ones, have no map\n" + r);
    }

    @Test
    void mapsLaidOutWithoutTheSplitFolderAreSaidToBelongToNoImage() throws IOException {
        Path same = sameNames(dir.resolve("same"));
        Path maps = dir.resolve("maps-without-split");
        for (int i = 0; i < TRAIN_PER_CLASS; i++) {
            map(maps.resolve("real/ffhq/" + name(i))); // the images are under train/real/ffhq/
        }
        Cli r = Cli.run(train(same, maps, dir.resolve("run-misplaced")));
        assertEquals(1, r.status, r.toString());
        assertTrue(r.out.contains("4 map file(s) in " + maps + " belong to no training image (e.g. "
                + maps.resolve("real/ffhq/0000.png") + "); a map is matched to its image by the image's path under the"
                + " data root"), r.toString());
        assertTrue(r.err.contains("none of the 8 training images has a usable human map"), r.toString());
    }

    @Test
    void scoreCamsOfSameNamedImagesInTrainAndValAreOnePerImage() throws IOException {
        Path same = sameNames(dir.resolve("same"));
        Path cams = dir.resolve("cams");
        Cli r = Cli.run("score", "--model", Toy.model().toString(), "--folder", same.toString(), "--cams",
                cams.toString(), "--out", dir.resolve("scores.csv").toString());
        assertEquals(0, r.status, r.toString());
        int images = 2 * (TRAIN_PER_CLASS + VAL_PER_CLASS);
        assertTrue(r.out.contains("scored " + images + " images"), r.toString());
        assertEquals(images, files(cams, "_cam.png").size(), "one CAM per image");
        assertEquals(images, files(cams, "_overlay.png").size(), "one overlay per image");
        assertTrue(Files.isRegularFile(cams.resolve("train/real/ffhq/0000_cam.png")));
        assertTrue(Files.isRegularFile(cams.resolve("val/real/ffhq/0000_cam.png")));
    }

    @Test
    void saliencyOfSameNamedImagesWritesAMapPerImageAndIndexesEach() throws IOException {
        Path same = sameNames(dir.resolve("same"));
        Path out = dir.resolve("sal");
        Cli r = Cli.run("saliency", "--model", Toy.model().toString(), "--method", "gradcam", "--folder",
                same.toString(), "--out", out.toString());
        assertEquals(0, r.status, r.toString());
        int images = 2 * (TRAIN_PER_CLASS + VAL_PER_CLASS);
        List<String> rows = Files.readAllLines(out.resolve("saliency.csv"));
        List<String> maps = rows.subList(1, rows.size()).stream().map(row -> row.split(",")[3]).toList();
        assertEquals(images, maps.size());
        assertEquals(images, maps.stream().distinct().count(), "no two images point at one map: " + maps);
        for (String map : maps) {
            assertTrue(Files.isRegularFile(out.resolve(map)), map);
        }
        assertEquals(images, files(out, ".gradcam.map.png").size());
        assertTrue(maps.contains("train/synthetic/stylegan/0000.gradcam.png"), maps.toString());
    }

    @Test
    void explainMeasuresTheSameHoweverTheDataRootIsSpelled() throws IOException {
        Path same = sameNames(dir.resolve("same"));
        String model = Toy.model().toString();
        Cli plain = Cli.run("explain", "--models", model, "--folder", same.toString(), "--limit", "2", "--out",
                dir.resolve("explain-a").toString());
        assertEquals(0, plain.status, plain.toString());
        Path spelled = dir.resolve("same/../same/.");
        Cli other = Cli.run("explain", "--models", model, "--folder", spelled.toString(), "--limit", "2", "--out",
                dir.resolve("explain-b").toString());
        assertEquals(0, other.status, other.toString());
        assertEquals(Files.readString(dir.resolve("explain-a/measures.json")),
                Files.readString(dir.resolve("explain-b/measures.json")),
                "the salt-and-pepper noise is seeded from the image's path under the root, not from the root's spelling");
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }
}
