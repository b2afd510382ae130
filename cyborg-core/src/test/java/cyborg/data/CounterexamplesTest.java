package cyborg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

class CounterexamplesTest {
    @TempDir
    Path root;

    private static Sample sample(Path image, Label label) {
        return new Sample(image.toString(), image, label, "src", "train", new Origin(image, 0));
    }

    @Test
    void unmarkedPixelsTakeTheDonorsAndMarkedOnesKeepTheImage() throws IOException {
        Path img = TestImages.gray(root.resolve("a.png"), 4, 4, (x, y) -> 200);
        Path donor = TestImages.gray(root.resolve("b.png"), 4, 4, (x, y) -> 20);
        Path maps = Files.createDirectories(root.resolve("maps"));
        TestImages.gray(maps.resolve("a.png"), 4, 4, (x, y) -> x < 2 ? 255 : 0);
        SampleLoader loader = new SampleLoader(new Preprocessing(4, new float[3], new float[] {1, 1, 1}), 2, 2,
                MapIndex.scan(maps).assign(java.util.List.of(sample(img, Label.REAL))), false);
        LoadPlan plan = new LoadPlan(Augmentation.Params.IDENTITY, MapNeeds.NONE,
                new Counterexamples.Draw(sample(donor, Label.SYNTHETIC), 0));
        PreparedSample p = loader.load(sample(img, Label.REAL), plan);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    float expected = (x < 2 ? 200 : 20) / 255f;
                    assertEquals(expected, p.image()[c * 16 + y * 4 + x], 1e-6f, "c" + c + " x" + x + " y" + y);
                }
            }
        }
        assertNull(p.map(), "no map was asked for");
    }

    @Test
    void imageWithoutMapIsLeftAsItIs() throws IOException {
        Path img = TestImages.gray(root.resolve("a.png"), 4, 4, (x, y) -> 200);
        Path donor = TestImages.gray(root.resolve("b.png"), 4, 4, (x, y) -> 20);
        SampleLoader loader = new SampleLoader(new Preprocessing(4, new float[3], new float[] {1, 1, 1}), 2, 2,
                MapIndex.Assignment.none(), false);
        PreparedSample plain = loader.load(sample(img, Label.REAL), LoadPlan.PLAIN);
        PreparedSample counter = loader.load(sample(img, Label.REAL), new LoadPlan(Augmentation.Params.IDENTITY,
                MapNeeds.NONE, new Counterexamples.Draw(sample(donor, Label.REAL), 0)));
        assertArrayEquals(plain.image(), counter.image());
    }

    @Test
    void inputMapsComeAtTheInputsResolutionWhenAskedFor() throws IOException {
        Path img = TestImages.gray(root.resolve("a.png"), 8, 8, (x, y) -> 100);
        Path maps = Files.createDirectories(root.resolve("maps"));
        TestImages.gray(maps.resolve("a.png"), 8, 8, (x, y) -> y < 4 ? 255 : 0);
        SampleLoader loader = new SampleLoader(Preprocessing.imagenet(4), 2, 2,
                MapIndex.scan(maps).assign(java.util.List.of(sample(img, Label.REAL))), false);
        PreparedSample p = loader.load(sample(img, Label.REAL),
                new LoadPlan(Augmentation.Params.IDENTITY, MapNeeds.CAM_AND_INPUT, null));
        assertEquals(16, p.inputMap().length);
        assertArrayEquals(new float[] {1, 1, 0, 0}, p.map(), 1e-6f);
        assertEquals(1f, p.inputMap()[0], 1e-6f);
        assertEquals(0f, p.inputMap()[15], 1e-6f);
        assertNull(loader.load(sample(img, Label.REAL),
                new LoadPlan(Augmentation.Params.IDENTITY, MapNeeds.CAM, null)).inputMap());
    }

    @Test
    void noiseFillReplacesUnmarkedPixelsWithNormalNoise() {
        float[] image = new float[3 * 100];
        java.util.Arrays.fill(image, 5f);
        float[] map = new float[100];
        Counterexamples.blend(image, null, map, 7);
        double sum = 0;
        double sq = 0;
        for (float v : image) {
            sum += v;
            sq += v * v;
        }
        double mean = sum / image.length;
        assertTrue(Math.abs(mean) < 0.2, "mean " + mean);
        assertTrue(Math.abs(sq / image.length - mean * mean - 1) < 0.25, "variance");
    }

    @Test
    void drawsFollowTheRateAndDonorsIgnoreTheLabel() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            samples.add(sample(root.resolve(i + ".png"), i < 50 ? Label.REAL : Label.SYNTHETIC));
        }
        Counterexamples none = Counterexamples.NONE;
        Counterexamples half = new Counterexamples(0.5, Counterexamples.Fill.SWAP);
        Random rng = new Random(1);
        int drawn = 0;
        int syntheticDonorsForReal = 0;
        for (int k = 0; k < 4000; k++) {
            assertNull(none.draw(rng, samples, k % 100));
            Counterexamples.Draw d = half.draw(rng, samples, k % 50);
            if (d != null) {
                drawn++;
                assertNotNull(d.donor());
                assertNotSame(samples.get(k % 50), d.donor(), "an image is never its own donor");
                syntheticDonorsForReal += d.donor().label() == Label.SYNTHETIC ? 1 : 0;
            }
        }
        assertEquals(0.5, drawn / 4000.0, 0.03);
        // donors of Real images are synthetic about as often as the data are: no label information
        assertEquals(50.0 / 99, (double) syntheticDonorsForReal / drawn, 0.04);
    }

    @Test
    void rateOutsideTheUnitIntervalAndUnknownFillsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Counterexamples(1.5, Counterexamples.Fill.SWAP));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Counterexamples.Fill.parse("blur"));
        assertTrue(e.getMessage().contains("swap"), e.getMessage());
    }
}
