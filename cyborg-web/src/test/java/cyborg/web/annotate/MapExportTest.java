package cyborg.web.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.data.Label;
import cyborg.data.ImageId;
import cyborg.data.MapIndex;
import cyborg.data.Origin;
import cyborg.data.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class MapExportTest {
    private static final ImageRecord FAKE = new ImageRecord(1, "synthetic/gan/face-7.jpg", "face-7.jpg",
            Label.SYNTHETIC, 12, 9);
    private static final ImageRecord REAL = new ImageRecord(2, "real/r.png", "r.png", Label.REAL, 12, 9);

    private static StoredAnnotation pick(long id, String who, Mask mask) {
        return new StoredAnnotation(id, id, who, "pair", FAKE, REAL, "synthetic", true, 10L, 20L, "[[1,2]]",
                mask.png(), null, "web", "t");
    }

    @Test
    void perAnnotatorMapsAreWhatCyborgTrainMapsFinds(@TempDir Path dir) throws Exception {
        Mask left = Faces.mask(12, 9, (x, y) -> x < 6);
        Mask all = Faces.mask(12, 9, (x, y) -> true);
        List<StoredAnnotation> records = List.of(pick(1, "alice", left), pick(2, "bob", all));
        Path maps = dir.resolve("maps");
        Path merged = dir.resolve("merged");
        Path jsonl = dir.resolve("a.jsonl");

        MapExport.Summary s = MapExport.write(records, maps, merged, jsonl);

        assertEquals(2, s.maps());
        Path image = Path.of("/data/synthetic/gan/face-7.jpg");
        Sample sample = new Sample(image.toString(), new ImageId(FAKE.path()), image, Label.SYNTHETIC, "gan", "train",
                new Origin(image, 0));
        List<Path> found = MapIndex.scan(maps).assign(List.of(sample)).mapsFor(sample);
        assertEquals(List.of(maps.resolve("alice/synthetic/gan/face-7.png"), maps.resolve("bob/synthetic/gan/face-7.png")),
                found);
        BufferedImage a = ImageIO.read(maps.resolve("alice/synthetic/gan/face-7.png").toFile());
        assertEquals(12, a.getWidth());
        assertEquals(9, a.getHeight());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, a.getType());
        assertEquals(255, a.getRaster().getSample(0, 0, 0));
        assertEquals(0, a.getRaster().getSample(11, 8, 0));
        assertFalse(Files.exists(maps.resolve("synthetic/gan/face-7.png")), "no merged map among the per-annotator maps");
        BufferedImage m = ImageIO.read(merged.resolve("synthetic/gan/face-7.png").toFile());
        assertEquals(255, m.getRaster().getSample(0, 0, 0));
        assertEquals(128, m.getRaster().getSample(11, 8, 0), "the mean of 0 and 255, rounded");
        assertEquals(2, Files.readAllLines(jsonl).size());
        assertTrue(Files.readString(jsonl).contains("\"strokes\":[[1,2]]"));
        assertTrue(Files.readString(jsonl).contains("\"label\":\"Synthetic\""), "labels spelled as in the CSV");
        assertFalse(Files.readString(jsonl).contains("SYNTHETIC"));
        List<String> report = Files.readAllLines(maps.resolve(MapExport.REPORT));
        assertEquals("1,face-7.jpg,Synthetic,2,0.500000," + String.format(java.util.Locale.ROOT, "%.6f",
                s.agreement().get(0).ssim()) + ",2,1.000000", report.get(1));
    }

    @Test
    void sameNamedImagesInDifferentFoldersExportTheirOwnMaps(@TempDir Path dir) throws Exception {
        // one file name, two images: by file name both masks went to alice/0000.png, one replacing the other
        ImageRecord realFace = new ImageRecord(3, "real/ffhq/0000.png", "0000.png", Label.REAL, 12, 9);
        ImageRecord fakeFace = new ImageRecord(4, "synthetic/stylegan/0000.png", "0000.png", Label.SYNTHETIC, 12, 9);
        Mask left = Faces.mask(12, 9, (x, y) -> x < 6);
        Mask top = Faces.mask(12, 9, (x, y) -> y < 4);
        List<StoredAnnotation> records = List.of(
                new StoredAnnotation(1, 1L, "alice", "single", realFace, null, "real", true, 10L, 20L, null, left.png(),
                        null, "web", "t"),
                new StoredAnnotation(2, 2L, "alice", "single", fakeFace, null, "synthetic", true, 10L, 20L, null,
                        top.png(), null, "web", "t"));
        Path maps = dir.resolve("maps");
        Path merged = dir.resolve("merged");

        MapExport.Summary s = MapExport.write(records, maps, merged, null);

        assertEquals(2, s.maps());
        assertEquals(2, s.merged());
        BufferedImage real = ImageIO.read(maps.resolve("alice/real/ffhq/0000.png").toFile());
        BufferedImage fake = ImageIO.read(maps.resolve("alice/synthetic/stylegan/0000.png").toFile());
        assertEquals(255, real.getRaster().getSample(0, 8, 0), "the real image's mask: its left half");
        assertEquals(0, fake.getRaster().getSample(0, 8, 0), "the synthetic image's mask: its top rows");
        assertTrue(Files.isRegularFile(merged.resolve("real/ffhq/0000.png")));
        assertTrue(Files.isRegularFile(merged.resolve("synthetic/stylegan/0000.png")));
    }
}
