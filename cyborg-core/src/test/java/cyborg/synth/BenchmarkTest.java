package cyborg.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;
import cyborg.util.Seeds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

class BenchmarkTest {
    private static final int SIZE = 64;

    private static Benchmark bench(long seed) {
        return Benchmark.builder().size(SIZE).seed(seed).trainPerClass(40).valPerClass(10).testPerSource(40).build();
    }

    @Test
    void sameSeedGivesIdenticalImagesAndOtherSeedsDiffer() {
        Benchmark.Item item = bench(1).items().get(45);
        assertArrayEquals(bench(1).render(item).image().rgb, bench(1).render(item).image().rgb);
        assertFalse(java.util.Arrays.equals(bench(1).render(item).image().rgb, bench(2).render(item).image().rgb));
    }

    @Test
    void writtenFilesAreIdenticalForTheSameSeed(@TempDir Path dir) throws IOException {
        Benchmark small = Benchmark.builder().size(SIZE).seed(5).trainPerClass(3).valPerClass(1).testPerSource(4).build();
        small.write(dir.resolve("a"), null);
        small.write(dir.resolve("b"), null);
        List<String> rows = Files.readAllLines(dir.resolve("a/split.csv"));
        assertEquals(rows, Files.readAllLines(dir.resolve("b/split.csv")));
        String rel = rows.get(rows.size() - 1).split(",")[2];
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/images" + rel)), Files.readAllBytes(dir.resolve("b/images" + rel)));
        String stem = rel.substring(rel.lastIndexOf('/') + 1).replace(".png", "");
        for (int k = 1; k <= Annotators.COUNT; k++) {
            assertTrue(Files.isRegularFile(dir.resolve("a/maps/" + stem + "." + k + ".png")));
        }
    }

    @Test
    void openSetHoldsTheTrainingStyleAndTheUnseenStylesAreTheirOwnTestBalancedByStyle() {
        List<Benchmark.Item> items = bench(1).items();
        Set<String> trainSources = items.stream().filter(i -> !i.split().equals("test"))
                .map(Benchmark.Item::source).collect(Collectors.toSet());
        assertEquals(Set.of("wild", "upsample-eyes-mouth", "smeared-mouth-nose", "iris-cast"), trainSources);
        List<Benchmark.Item> open = items.stream().filter(Benchmark.Item::openSet).toList();
        assertEquals(Set.of("wild", "upsample-nose", "smeared-eyes", "brow-cast", "hairline-seam", "droplet"),
                open.stream().map(Benchmark.Item::source).collect(Collectors.toSet()));
        assertTrue(open.stream().allMatch(i -> i.style() == Benchmark.TRAIN_STYLE),
                "split.csv's open set is in the training style only, so style cannot swing its AUC");
        List<Benchmark.Item> styled = items.stream().filter(i -> i.group() == Benchmark.Group.UNSEEN_STYLE).toList();
        assertEquals(Set.of("studio", "soft", "upsample-nose", "smeared-eyes", "brow-cast", "hairline-seam", "droplet"),
                styled.stream().map(Benchmark.Item::source).collect(Collectors.toSet()));
        for (AuthenticStyle style : Benchmark.UNSEEN_STYLES) {
            long real = styled.stream().filter(i -> !i.synthetic() && i.style() == style).count();
            long fake = styled.stream().filter(i -> i.synthetic() && i.style() == style).count();
            assertEquals(real, fake, "style " + style + " must not predict the label");
        }
        assertEquals(items.size(), items.stream().map(Benchmark.Item::fileName).distinct().count(),
                "every face has its own name (maps are keyed by it)");
    }

    @Test
    void fourTimesSplitStartsWithTheSplitsTrainingRowsAndKeepsItsShortcutRate(@TempDir Path dir) throws IOException {
        Benchmark b = Benchmark.builder().size(32).seed(9).trainPerClass(40).valPerClass(2).testPerSource(2).build();
        b.write(dir, null);
        List<String> split = Files.readAllLines(dir.resolve("split.csv"));
        List<String> four = Files.readAllLines(dir.resolve(Benchmark.FOUR_X_SPLIT));
        List<String> train = split.stream().filter(r -> r.startsWith("train,")).toList();
        List<String> fourTrain = four.stream().filter(r -> r.startsWith("train,")).toList();
        assertEquals(4 * train.size(), fourTrain.size());
        assertEquals(train, fourTrain.subList(0, train.size()));
        assertEquals(split.stream().filter(r -> !r.startsWith("train,")).toList(),
                four.stream().filter(r -> !r.startsWith("train,")).toList(), "validation and open set as split.csv");
        assertEquals(fourTrain.size(), fourTrain.stream().distinct().count());
        for (String row : fourTrain) {
            assertTrue(Files.isRegularFile(dir.resolve("images" + row.split(",")[2])), row);
        }
        List<Benchmark.Item> extra = b.items().stream().filter(i -> i.group() == Benchmark.Group.MORE_DATA).toList();
        double synth = extra.stream().filter(Benchmark.Item::synthetic).filter(Benchmark.Item::cue).count()
                / (double) extra.stream().filter(Benchmark.Item::synthetic).count();
        double real = extra.stream().filter(i -> !i.synthetic()).filter(Benchmark.Item::cue).count()
                / (double) extra.stream().filter(i -> !i.synthetic()).count();
        assertTrue(synth > 0.8 && real < 0.2, "the extra faces carry the mark as split.csv's: " + synth + ", " + real);
        assertFalse(Files.exists(dir.resolve("other").resolve(Benchmark.FOUR_X_SPLIT)));
        Benchmark.builder().size(32).seed(9).trainPerClass(4).valPerClass(1).testPerSource(2).moreData(false).build()
                .write(dir.resolve("other"), null);
        assertFalse(Files.exists(dir.resolve("other").resolve(Benchmark.FOUR_X_SPLIT)), "moreData(false) skips it");
    }

    @Test
    void stylesSplitListsOnlyTheUnseenStylesTestImages(@TempDir Path dir) throws IOException {
        Benchmark.builder().size(32).seed(10).trainPerClass(2).valPerClass(1).testPerSource(10).moreData(false).build()
                .write(dir, null);
        List<String> styles = Files.readAllLines(dir.resolve(Benchmark.STYLES_SPLIT));
        assertFalse(styles.isEmpty());
        for (String row : styles) {
            String[] f = row.split(",");
            assertEquals("test", f[0], row);
            assertTrue(f[2].startsWith("/test/styles/"), row);
            assertTrue(Files.isRegularFile(dir.resolve("images" + f[2])), row);
        }
        assertTrue(styles.stream().anyMatch(r -> r.contains("/real/studio/")));
        assertTrue(styles.stream().anyMatch(r -> r.contains("/real/soft/")));
        assertTrue(Files.readAllLines(dir.resolve("split.csv")).stream().noneMatch(r -> r.contains("/styles/")));
    }

    @ParameterizedTest
    @EnumSource(GeneratorFamily.class)
    void everyFamilyLeavesAVisibleTellInsideTheRegionsItsMapsMark(GeneratorFamily family) {
        double inside = 0;
        double outside = 0;
        int pixelsInside = 0;
        for (int k = 0; k < 12; k++) {
            Random rng = Seeds.random(77, family.ordinal(), k);
            Face face = new Face(rng, SIZE);
            Raster base = FaceRenderer.render(face, AuthenticStyle.values()[k % 3], rng);
            Raster tell = base.copy();
            List<Region> at = family.apply(tell, face, rng);
            assertEquals(1, at.size());
            assertTrue(family.candidateRegions(face).stream().anyMatch(g -> g.name().equals(at.get(0).name())));
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int i = base.index(x, y);
                    double d = 0;
                    for (int c = 0; c < 3; c++) {
                        d += Math.abs(tell.rgb[i + c] - base.rgb[i + c]);
                    }
                    double px = x + 0.5;
                    double py = y + 0.5;
                    boolean inRegion = at.stream().anyMatch(g -> g.contains(px, py, 1.5));
                    if (inRegion) {
                        inside += d;
                        pixelsInside++;
                    } else {
                        outside += d;
                    }
                }
            }
        }
        assertTrue(inside / (inside + outside) > 0.97, family + ": share of the change inside its regions "
                + inside / (inside + outside));
        assertTrue(inside / pixelsInside / 3 > 4, family + ": the tell must be visible, mean change "
                + inside / pixelsInside / 3);
    }

    @Test
    void annotatorMapsAreBrighterWhereTheTellIsThanElsewhere() {
        Random rng = Seeds.random(3, 1);
        Face face = new Face(rng, SIZE);
        for (GeneratorFamily family : GeneratorFamily.values()) {
            List<Region> at = List.of(family.candidateRegions(face).get(0));
            List<RgbImage> maps = Annotators.maps(face, at, rng);
            double in = 0;
            double out = 0;
            int nIn = 0;
            int nOut = 0;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    final int fx = x;
                    final int fy = y;
                    double v = maps.stream().mapToDouble(m -> m.get(fx, fy, 0)).average().orElse(0);
                    double px = x + 0.5;
                    double py = y + 0.5;
                    if (at.stream().anyMatch(g -> g.contains(px, py, 1.0))) {
                        in += v;
                        nIn++;
                    } else {
                        out += v;
                        nOut++;
                    }
                }
            }
            assertTrue(in / nIn > 5 * (out / nOut), family + ": map inside " + in / nIn + " outside " + out / nOut);
        }
    }

    @Test
    void shortcutFollowsTheLabelInTrainingAndCarriesNoLabelInformationInTheOpenSetByDefault() {
        double[][] rate = shortcutRates(Benchmark.builder().size(SIZE).seed(11).trainPerClass(60).valPerClass(20)
                .testPerSource(60).build(), false);
        assertTrue(rate[0][1] > 0.8 && rate[0][0] < 0.2, "train/val: synthetic " + rate[0][1] + ", real " + rate[0][0]);
        assertTrue(Math.abs(rate[1][1] - rate[1][0]) < 0.15, "test: synthetic " + rate[1][1] + ", real " + rate[1][0]);
        assertTrue(rate[1][1] > 0.3 && rate[1][1] < 0.7, "test: the cue is present in about half: " + rate[1][1]);
    }

    @Test
    void reversedSplitCarriesTheShortcutWithMostAuthenticImages() {
        double[][] rate = shortcutRates(Benchmark.builder().size(SIZE).seed(12).trainPerClass(60).valPerClass(20)
                .testPerSource(60).build(), true);
        assertTrue(rate[1][1] < 0.2 && rate[1][0] > 0.8, "test: synthetic " + rate[1][1] + ", real " + rate[1][0]);
    }

    @Test
    void ceilingSplitCarriesNoLabelInformationInTrainingEither() {
        double[][] rate = shortcutRates(Benchmark.builder().size(SIZE).seed(13).trainPerClass(60).valPerClass(20)
                .testPerSource(20).build(), Benchmark.Item::ceilingCue);
        assertTrue(Math.abs(rate[0][1] - rate[0][0]) < 0.2, "train/val: synthetic " + rate[0][1] + ", real " + rate[0][0]);
        assertTrue(rate[0][1] > 0.3 && rate[0][1] < 0.7, "train/val: the cue is present in about half: " + rate[0][1]);
    }

    @Test
    void ceilingSplitHasTheSameFacesAndOpenSetAsTheSplit(@TempDir Path dir) throws IOException {
        Benchmark small = Benchmark.builder().size(SIZE).seed(6).trainPerClass(8).valPerClass(3).testPerSource(4).build();
        small.write(dir, null);
        List<String> split = Files.readAllLines(dir.resolve("split.csv"));
        List<String> ceiling = Files.readAllLines(dir.resolve(Benchmark.CEILING_SPLIT));
        assertEquals(split.size(), ceiling.size());
        int otherMark = 0;
        int[] box = Shortcut.box(SIZE);
        for (int i = 0; i < split.size(); i++) {
            String row = ceiling.get(i);
            if (row.startsWith("test")) {
                assertEquals(split.get(i), row);
                continue;
            }
            assertEquals(split.get(i).replace("/", ""), row.replace("/other-mark/", "/").replace("/", ""));
            if (row.contains("/other-mark/")) {
                otherMark++;
                RgbImage a = ImageFiles.readRgb(dir.resolve("images" + split.get(i).split(",")[2]));
                RgbImage c = ImageFiles.readRgb(dir.resolve("images" + row.split(",")[2]));
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        boolean inBox = x >= box[0] && x < box[2] && y >= box[1] && y < box[3];
                        assertTrue(inBox || a.rgb(x, y) == c.rgb(x, y), row + ": pixel " + x + "," + y
                                + " outside the mark differs");
                    }
                }
            }
        }
        assertTrue(otherMark > 0, "some training images change their mark");
    }

    @Test
    void markedAndUnmarkedVersionsDifferOnlyInsideTheMark() {
        Benchmark b = bench(4);
        Benchmark.Item item = b.items().stream().filter(Benchmark.Item::openSet).findFirst().orElseThrow();
        Raster marked = b.render(item, true).image();
        Raster clean = b.render(item, false).image();
        int[] box = Shortcut.box(SIZE);
        int changed = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean inBox = x >= box[0] && x < box[2] && y >= box[1] && y < box[3];
                int i = marked.index(x, y);
                boolean differs = marked.rgb[i] != clean.rgb[i] || marked.rgb[i + 1] != clean.rgb[i + 1];
                assertTrue(inBox || !differs, "pixel " + x + "," + y + " outside the mark differs");
                changed += differs ? 1 : 0;
            }
        }
        assertEquals((box[2] - box[0]) * (box[3] - box[1]), changed);
    }

    @Test
    void everyOpenSetFamilyNamesWhetherTrainingShowsItsMechanism() {
        assertTrue(Benchmark.mechanismSeenInTraining(GeneratorFamily.UPSAMPLE_NOSE));
        assertTrue(Benchmark.mechanismSeenInTraining(GeneratorFamily.SMEARED_EYES));
        assertTrue(Benchmark.mechanismSeenInTraining(GeneratorFamily.BROW_CAST));
        assertFalse(Benchmark.mechanismSeenInTraining(GeneratorFamily.HAIRLINE_SEAM));
        assertFalse(Benchmark.mechanismSeenInTraining(GeneratorFamily.DROPLET));
        for (GeneratorFamily g : Benchmark.TEST_GENERATORS) {
            if (Benchmark.mechanismSeenInTraining(g)) {
                GeneratorFamily twin = Benchmark.TRAIN_GENERATORS.stream()
                        .filter(t -> t.mechanism() == g.mechanism()).findFirst().orElseThrow();
                // what carries over is the kind of trace: the open-set family differs in its parameters or
                // at least in the parts it marks (upsample-nose keeps the training strength, on the nose)
                Face face = new Face(Seeds.random(3, 1), SIZE);
                boolean otherParts = g.candidateRegions(face).stream().noneMatch(twin.candidateRegions(face)::contains);
                assertTrue(otherParts, g + " must mark other parts than " + twin);
                assertTrue(!twin.trace().equals(g.trace()) || otherParts, g + " must differ from " + twin);
            }
        }
    }

    @Test
    void writtenSplitsShareTrainingRowsAndListEveryOpenSetImageInBothVersions(@TempDir Path dir) throws IOException {
        Benchmark small = Benchmark.builder().size(SIZE).seed(5).trainPerClass(3).valPerClass(1).testPerSource(5).build();
        small.write(dir, null);
        List<String> split = Files.readAllLines(dir.resolve("split.csv"));
        List<String> reversed = Files.readAllLines(dir.resolve(Benchmark.REVERSED_SPLIT));
        List<String> marked = Files.readAllLines(dir.resolve(Benchmark.PROBE_MARKED));
        List<String> unmarked = Files.readAllLines(dir.resolve(Benchmark.PROBE_UNMARKED));
        assertEquals(split.stream().filter(r -> !r.startsWith("test")).toList(),
                reversed.stream().filter(r -> !r.startsWith("test")).toList());
        long open = split.stream().filter(r -> r.startsWith("test")).count();
        assertEquals(open, marked.size());
        assertEquals(open, unmarked.size());
        for (int i = 0; i < marked.size(); i++) {
            assertEquals(marked.get(i).replace("/marked/", "/unmarked/"), unmarked.get(i));
            assertTrue(Files.isRegularFile(dir.resolve("images" + marked.get(i).split(",")[2])));
            assertTrue(Files.isRegularFile(dir.resolve("images" + unmarked.get(i).split(",")[2])));
        }
    }

    /** [train+val | test][real | synthetic]: share of images whose pixels carry the mark. */
    private static double[][] shortcutRates(Benchmark b, boolean reversedSplit) {
        return shortcutRates(b, item -> reversedSplit && item.openSet() ? item.reversedCue() : item.cue());
    }

    /** As above, with the mark where {@code marked} says. */
    private static double[][] shortcutRates(Benchmark b, Predicate<Benchmark.Item> marked) {
        double[][] rate = new double[2][2]; // [train|test][real|synthetic] share of images whose background carries the stripes
        int[][] n = new int[2][2];
        for (Benchmark.Item item : b.items()) {
            if (item.group() == Benchmark.Group.UNSEEN_STYLE || item.group() == Benchmark.Group.MORE_DATA) {
                continue; // split.csv's rows only
            }
            Benchmark.Rendered r = b.render(item, marked.test(item));
            boolean carries = Shortcut.strength(r.image(), r.face()) > Shortcut.AMPLITUDE;
            int split = item.split().equals("test") ? 1 : 0;
            int label = item.synthetic() ? 1 : 0;
            rate[split][label] += carries ? 1 : 0;
            n[split][label]++;
        }
        for (int s = 0; s < 2; s++) {
            for (int l = 0; l < 2; l++) {
                rate[s][l] /= n[s][l];
            }
        }
        return rate;
    }
}
