package cyborg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class SampleLoaderTest {
    @TempDir
    Path root;

    private Sample sample(Path image) {
        return new Sample(image.toString(), image, Label.REAL, "src", "train", new Origin(image, 0));
    }

    @Test
    void flipAndCropApplyAlikeToImageAndMap() throws IOException {
        Path img = TestImages.gray(root.resolve("f.png"), 8, 8, (x, y) -> x < 4 ? 255 : 0);
        Path maps = Files.createDirectories(root.resolve("maps"));
        TestImages.gray(maps.resolve("f.png"), 4, 4, (x, y) -> x < 2 ? 255 : 0);
        SampleLoader loader = new SampleLoader(new Preprocessing(2, new float[3], new float[] {1, 1, 1}), 1, 2,
                MapIndex.scan(maps).assign(java.util.List.of(sample(img))), true);
        PreparedSample plain = loader.load(sample(img), Augmentation.Params.IDENTITY, true);
        assertArrayEquals(new float[] {1f, 0f}, plain.map(), 1e-6f);
        // antialiased shrinking blends across the edge, so compare sides rather than exact values
        org.junit.jupiter.api.Assertions.assertTrue(plain.image()[0] > 0.8f && plain.image()[1] < 0.2f);
        PreparedSample flipped = loader.load(sample(img), new Augmentation.Params(true, 0, 0, 1, 1), true);
        assertArrayEquals(new float[] {0f, 1f}, flipped.map(), 1e-6f);
        org.junit.jupiter.api.Assertions.assertTrue(flipped.image()[0] < 0.2f && flipped.image()[1] > 0.8f);
        // the left half only: image and map both all bright, so the map's crop is constant and marks nothing
        PreparedSample left = loader.load(sample(img), new Augmentation.Params(false, 0, 0, 0.5, 1), true);
        assertEquals(1f, left.image()[1], 1e-6f);
        assertNull(left.map());
    }

    @Test
    void aConstantMapIsNoTargetAndIsCountedApart() throws IOException {
        Path flat = TestImages.plain(root.resolve("flat.png"), 8);
        Path marked = TestImages.plain(root.resolve("marked.png"), 8);
        Path bare = TestImages.plain(root.resolve("bare.png"), 8);
        Path maps = Files.createDirectories(root.resolve("maps"));
        TestImages.gray(maps.resolve("flat.png"), 4, 4, (x, y) -> 255);
        TestImages.gray(maps.resolve("marked.png"), 4, 4, (x, y) -> x < 2 ? 255 : 0);
        SampleLoader loader = new SampleLoader(Preprocessing.imagenet(4), 2, 2,
                MapIndex.scan(maps).assign(java.util.List.of(sample(flat), sample(marked), sample(bare))), false);
        assertNull(loader.load(sample(flat), Augmentation.Params.IDENTITY, true).map());
        DataValidator.Result r = DataValidator.validate(java.util.List.of(sample(flat), sample(marked), sample(bare)),
                loader, true, 1, SkipReport.failFast(), null);
        assertEquals(3, r.usable().size());
        assertEquals(1, r.withoutMap());
        assertEquals(1, r.constantMap());
    }

    @Test
    void imageWithoutMapHasNone() throws IOException {
        Path img = TestImages.plain(root.resolve("g.png"), 8);
        SampleLoader loader = new SampleLoader(Preprocessing.imagenet(4), 2, 2, MapIndex.Assignment.none(), false);
        assertNull(loader.load(sample(img), Augmentation.Params.IDENTITY, true).map());
    }

    @Test
    void truncatedImageIsABadInputNamingIt() throws IOException {
        Path img = TestImages.plain(root.resolve("t.png"), 16);
        byte[] bytes = Files.readAllBytes(img);
        Files.write(img, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        SampleLoader loader = new SampleLoader(Preprocessing.imagenet(4), 2, 2, MapIndex.Assignment.none(), false);
        BadInputException e = assertThrows(BadInputException.class,
                () -> loader.load(sample(img), Augmentation.Params.IDENTITY, false));
        assertEquals(BadInputReason.BAD_IMAGE, e.reason());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("t.png"), e.getMessage());
    }
}
