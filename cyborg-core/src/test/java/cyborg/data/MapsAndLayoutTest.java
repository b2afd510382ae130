package cyborg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.image.ImageSize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class MapsAndLayoutTest {
    @TempDir
    Path root;

    @Test
    void mapIndexFindsAnnotatorFilesAndFolders() throws IOException {
        Path maps = Files.createDirectories(root.resolve("maps"));
        TestImages.plain(maps.resolve("face1.png"), 4);
        TestImages.plain(maps.resolve("face1.2.png"), 4);
        TestImages.plain(Files.createDirectories(maps.resolve("annotator3")).resolve("face1.jpg.png"), 4);
        TestImages.plain(Files.createDirectories(maps.resolve("annotator4")).resolve("face1.png"), 4);
        TestImages.plain(maps.resolve("face2.png"), 4);
        Sample face1 = sample("x/face1.png");
        Sample face2 = sample("face2.jpg");
        Sample face3 = sample("face3.png");
        MapIndex.Assignment index = MapIndex.scan(maps).assign(List.of(face1, face2, face3));
        assertEquals(3, index.mapsFor(face1).size());
        assertEquals(1, index.mapsFor(face2).size());
        assertEquals(0, index.mapsFor(face3).size());
    }

    private Sample sample(String id) {
        Path image = root.resolve("data").resolve(id);
        return new Sample(image.toString(), new ImageId(id), image, Label.REAL, "x", "train", new Origin(image, 0));
    }

    @Test
    void annotatorMapsAreAveragedBeforeNormalisation() throws IOException {
        Path a = TestImages.gray(root.resolve("a.png"), 2, 2, (x, y) -> x == 0 ? 255 : 0);
        Path b = TestImages.gray(root.resolve("b.png"), 2, 2, (x, y) -> y == 0 ? 255 : 0);
        FloatMap m = HumanMaps.average(List.of(a, b), new ImageSize(8, 8), new Origin(root, 0));
        assertArrayEquals(new float[] {1f, 0.5f, 0.5f, 0f}, m.values(), 1e-6f);
    }

    @Test
    void mapWithOtherAspectRatioIsRefused() throws IOException {
        Path a = TestImages.gray(root.resolve("wide.png"), 8, 4, (x, y) -> 0);
        BadInputException e = assertThrows(BadInputException.class,
                () -> HumanMaps.average(List.of(a), new ImageSize(8, 8), new Origin(root.resolve("s.csv"), 3)));
        assertEquals(BadInputReason.MAP_ASPECT, e.reason());
        assertTrue(e.getMessage().contains("wide.png") && e.getMessage().contains("s.csv:3"), e.getMessage());
    }

    @Test
    void folderLayoutReadsClassesSourcesAndSplits() throws IOException {
        TestImages.plain(Files.createDirectories(root.resolve("ds/train/real/ffhq")).resolve("1.png"), 4);
        TestImages.plain(Files.createDirectories(root.resolve("ds/train/1_fake/stylegan")).resolve("2.png"), 4);
        TestImages.plain(Files.createDirectories(root.resolve("ds/val/0_real")).resolve("3.png"), 4);
        Files.writeString(root.resolve("ds/train/real/ffhq/notes.txt"), "not an image");
        List<Sample> s = FolderLayout.scan(root.resolve("ds"), "test").samples();
        assertEquals(3, s.size());
        Sample fake = s.stream().filter(x -> x.label() == Label.SYNTHETIC).findFirst().orElseThrow();
        assertEquals("stylegan", fake.source());
        assertEquals("train", fake.split());
        Sample val = s.stream().filter(x -> x.split().equals("val")).findFirst().orElseThrow();
        assertEquals("0_real", val.source());
    }

    @Test
    void folderWithoutClassFoldersSaysWhatItExpects() {
        IOException e = assertThrows(IOException.class, () -> FolderLayout.scan(Files.createDirectories(root.resolve("e")), "test"));
        assertTrue(e.getMessage().contains("real/<source>"), e.getMessage());
    }
}
