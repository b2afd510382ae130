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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The decoy task, checked on pixels: determinism, the decoy's shade against the label, the maps. */
class DecoyTaskTest {
    private static final int SIZE = 32;

    private static DecoyTask task(long seed) {
        return DecoyTask.builder().size(SIZE).seed(seed).trainPerClass(150).valPerClass(30).testPerClass(150).build();
    }

    /** The gray levels of the decoy square, read from the 8-bit image. */
    private static Set<Integer> patchGrays(RgbImage img, int corner) {
        int[] p = DecoyTask.patch(SIZE, corner);
        Set<Integer> grays = new HashSet<>();
        byte[] px = img.pixels();
        for (int y = p[1]; y < p[3]; y++) {
            for (int x = p[0]; x < p[2]; x++) {
                int i = 3 * (y * SIZE + x);
                grays.add(px[i] & 0xFF);
                grays.add(px[i + 1] & 0xFF);
                grays.add(px[i + 2] & 0xFF);
            }
        }
        return grays;
    }

    @Test
    void sameSeedGivesIdenticalPixelsAndOtherSeedsDiffer() {
        DecoyTask.Item item = task(1).items().get(170);
        assertArrayEquals(task(1).render(item, true).image().rgb, task(1).render(item, true).image().rgb);
        assertFalse(java.util.Arrays.equals(task(1).render(item, true).image().rgb, task(2).render(item, true).image().rgb));
        assertEquals(task(1).items(), task(1).items());
    }

    @Test
    void writtenFilesAreIdenticalForTheSameSeed(@TempDir Path dir) throws IOException {
        DecoyTask small = DecoyTask.builder().size(SIZE).seed(5).trainPerClass(3).valPerClass(1).testPerClass(2).build();
        small.write(dir.resolve("a"), null);
        small.write(dir.resolve("b"), null);
        for (String f : List.of("split.csv", DecoyTask.NO_DECOY_SPLIT, DecoyTask.DECOY_TRUTH, "decoy.json")) {
            assertEquals(Files.readString(dir.resolve("a").resolve(f)), Files.readString(dir.resolve("b").resolve(f)), f);
        }
        List<String> rows = Files.readAllLines(dir.resolve("a/split.csv"));
        List<String> noDecoy = Files.readAllLines(dir.resolve("a").resolve(DecoyTask.NO_DECOY_SPLIT));
        assertEquals(2 * (3 + 1 + 2), rows.size());
        for (int r = 0; r < rows.size(); r++) {
            String rel = rows.get(r).split(",")[2];
            assertArrayEquals(Files.readAllBytes(dir.resolve("a/images" + rel)), Files.readAllBytes(dir.resolve("b/images" + rel)));
            assertTrue(Files.isRegularFile(dir.resolve("a/images" + noDecoy.get(r).split(",")[2])));
            // the same rows in both split files, only train/val paths differ (test rows identical)
            assertEquals(rows.get(r).split(",")[0], noDecoy.get(r).split(",")[0]);
            assertEquals(rows.get(r).split(",")[1], noDecoy.get(r).split(",")[1]);
            assertEquals(rows.get(r).startsWith("test,"), rows.get(r).equals(noDecoy.get(r)));
            String stem = rel.substring(rel.lastIndexOf('/') + 1).replace(".png", "");
            for (int k = 1; k <= DecoyTask.ANNOTATORS; k++) {
                assertTrue(Files.isRegularFile(dir.resolve("a/maps/" + stem + "." + k + ".png")));
            }
        }
    }

    @Test
    void decoyShadeFollowsTheLabelInTrainAndValButNotInTest() {
        DecoyTask t = task(3);
        int[][] brightByClass = new int[2][2]; // [synthetic][bright]
        Set<Integer> corners = new HashSet<>();
        for (DecoyTask.Item item : t.items()) {
            RgbImage coded = t.render(item, true).image().toImage();
            Set<Integer> grays = patchGrays(coded, item.corner());
            assertEquals(1, grays.size(), "the square is one flat gray");
            int gray = grays.iterator().next();
            assertEquals(DecoyTask.shade(item.k(true)), gray);
            assertEquals(0, (255 - gray) % DecoyTask.SHADE_STEP, "shade = 255 - 25k");
            boolean bright = gray > DecoyTask.shade(DecoyTask.CLASS_SPLIT);
            corners.add(item.corner());
            if (item.test()) {
                brightByClass[item.synthetic() ? 1 : 0][bright ? 1 : 0]++;
            } else {
                assertEquals(!item.synthetic(), bright, item.fileName() + ": decoy must code the label");
            }
        }
        assertEquals(Set.of(0, 1, 2, 3), corners);
        // test: the decoy says nothing about the label (each class about half bright)
        for (int c = 0; c < 2; c++) {
            double share = brightByClass[c][1] / (double) (brightByClass[c][0] + brightByClass[c][1]);
            assertTrue(share > 0.35 && share < 0.65, "class " + c + " bright share " + share);
        }
    }

    @Test
    void noDecoyVariantHasARandomShadeAndDiffersOnlyInsideTheSquare() {
        DecoyTask t = task(4);
        int[][] bright = new int[2][2];
        for (DecoyTask.Item item : t.items()) {
            if (item.test()) {
                continue;
            }
            Raster a = t.render(item, true).image();
            Raster b = t.render(item, false).image();
            int[] p = DecoyTask.patch(SIZE, item.corner());
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    boolean inside = x >= p[0] && x < p[2] && y >= p[1] && y < p[3];
                    if (!inside) {
                        assertEquals(a.rgb[a.index(x, y)], b.rgb[b.index(x, y)], 0f);
                    }
                }
            }
            bright[item.synthetic() ? 1 : 0][DecoyTask.shade(item.k(false)) > DecoyTask.shade(DecoyTask.CLASS_SPLIT) ? 1 : 0]++;
        }
        for (int c = 0; c < 2; c++) {
            double share = bright[c][1] / (double) (bright[c][0] + bright[c][1]);
            assertTrue(share > 0.35 && share < 0.65, "class " + c + " bright share " + share);
        }
    }

    @Test
    void mapsCoverTheObjectAndNotTheDecoy() {
        DecoyTask t = task(5);
        List<DecoyTask.Item> items = t.items();
        for (int n = 0; n < items.size(); n += 7) {
            DecoyTask.Item item = items.get(n);
            DecoyTask.Blob blob = t.render(item, true).blob();
            List<RgbImage> maps = t.maps(blob, Seeds.random(9, n));
            assertEquals(DecoyTask.ANNOTATORS, maps.size());
            double[] mean = new double[SIZE * SIZE];
            for (RgbImage m : maps) {
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += (m.pixels()[3 * i] & 0xFF) / 255.0 / maps.size();
                }
            }
            DecoyTask.Blob wide = new DecoyTask.Blob(blob.cx(), blob.cy(), blob.radius() * 1.5, blob.a2(), blob.p2(),
                    blob.a3(), blob.p3());
            int objectPixels = 0;
            int covered = 0;
            double mass = 0;
            double massNear = 0;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    double v = mean[y * SIZE + x];
                    mass += v;
                    if (wide.coverage(x + 0.5, y + 0.5) > 0) {
                        massNear += v;
                    }
                    if (blob.coverage(x + 0.5, y + 0.5) >= 1) {
                        objectPixels++;
                        covered += v >= 0.5 ? 1 : 0;
                    }
                }
            }
            assertTrue(objectPixels > 20, item.fileName() + ": object too small");
            assertTrue(covered >= 0.9 * objectPixels, item.fileName() + ": maps cover " + covered + " of " + objectPixels);
            assertTrue(massNear >= 0.95 * mass, item.fileName() + ": map mass near the object " + massNear / mass);
            for (int corner = 0; corner < 4; corner++) {
                int[] p = DecoyTask.patch(SIZE, corner);
                for (int y = p[1]; y < p[3]; y++) {
                    for (int x = p[0]; x < p[2]; x++) {
                        assertEquals(0, blob.coverage(x + 0.5, y + 0.5), 0, "the object reaches a corner square");
                        assertTrue(mean[y * SIZE + x] < 0.05, "a map marks a corner square");
                    }
                }
            }
        }
    }

    @Test
    void onlySyntheticObjectsCarryTheFineTexture() {
        DecoyTask t = task(6);
        double[] energy = new double[2];
        double[] background = new double[2];
        int[] count = new int[2];
        for (DecoyTask.Item item : t.items()) {
            if (!item.split().equals("test")) {
                continue;
            }
            DecoyTask.Rendered r = t.render(item, true);
            int c = item.synthetic() ? 1 : 0;
            energy[c] += laplacianEnergy(r.image(), r.blob(), true);
            background[c] += laplacianEnergy(r.image(), r.blob(), false);
            count[c]++;
        }
        double smooth = energy[0] / count[0];
        double textured = energy[1] / count[1];
        assertTrue(textured > 3 * smooth, "texture energy on the object: textured " + textured + ", smooth " + smooth);
        // off the object the two classes look alike
        double ratio = (background[1] / count[1]) / (background[0] / count[0]);
        assertTrue(ratio > 0.9 && ratio < 1.1, "background energy ratio " + ratio);
    }

    /** Mean absolute Laplacian of the gray image inside (or well outside) the object, corners excluded. */
    private static double laplacianEnergy(Raster r, DecoyTask.Blob blob, boolean inside) {
        int p = DecoyTask.patchSide(SIZE) + 1;
        double sum = 0;
        int n = 0;
        for (int y = 1; y < SIZE - 1; y++) {
            for (int x = 1; x < SIZE - 1; x++) {
                boolean corner = (x < p || x >= SIZE - p) && (y < p || y >= SIZE - p);
                double d = blob.relative(x + 0.5, y + 0.5);
                if (corner || (inside ? d > 0.8 : d < 1.3)) {
                    continue;
                }
                double lap = 4 * gray(r, x, y) - gray(r, x - 1, y) - gray(r, x + 1, y) - gray(r, x, y - 1) - gray(r, x, y + 1);
                sum += Math.abs(lap);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double gray(Raster r, int x, int y) {
        int i = r.index(x, y);
        return (r.rgb[i] + r.rgb[i + 1] + r.rgb[i + 2]) / 3;
    }

    @Test
    void rejectsTooSmallImagesAndEmptySplits() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> DecoyTask.builder().size(16).build());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DecoyTask.builder().testPerClass(0).build());
        assertEquals(SynthTask.DECOY, SynthTask.parse("Decoy"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SynthTask.parse("mnist"));
        assertTrue(e.getMessage().contains("faces, decoy"), e.getMessage());
    }
}
