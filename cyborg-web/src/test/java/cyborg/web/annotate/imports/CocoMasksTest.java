package cyborg.web.annotate.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.web.annotate.ImportedMask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoMasksTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path p = dir.resolve("export.json");
        Files.writeString(p, json);
        return p;
    }

    private static final String IMAGES = "\"images\": [{\"id\": 7, \"file_name\": \"a.png\", \"width\": 5, \"height\": 4}]";

    @Test
    void polygonsAndBothRleFormsDecodeExactlyAsPycocotools() throws IOException {
        Imported imported = CocoMasks.read(GoldenMasks.resource("coco.json"));
        Map<String, String> expected = GoldenMasks.expected("coco_masks.json");
        Map<String, String> actual = GoldenMasks.actual(imported.masks());
        assertEquals(expected.keySet(), actual.keySet());
        for (String key : expected.keySet()) {
            assertEquals(expected.get(key), actual.get(key), key);
        }
        assertEquals(0, imported.skipped().size(), imported.skipped().toString());
    }

    @Test
    void handDerivedUncompressedRleIsColumnMajor() throws IOException {
        Imported imported = CocoMasks.read(write("{" + IMAGES + ", \"annotations\": [{\"id\": 1, \"image_id\": 7,"
                + " \"segmentation\": {\"counts\": [3, 2, 15], \"size\": [4, 5]}}]}"));
        ImportedMask m = imported.masks().get(0);
        assertEquals("a.png", m.image());
        assertEquals(CocoMasks.DEFAULT_ANNOTATOR, m.annotator());
        assertEquals("5x4\n01000\n00000\n00000\n10000\n", GoldenMasks.rows(m));
    }

    @Test
    void annotationsOfOneAnnotatorAreOredAndOthersKeptApart() throws IOException {
        Imported imported = CocoMasks.read(write("{" + IMAGES + ", \"annotations\": ["
                + "{\"id\": 1, \"image_id\": 7, \"segmentation\": {\"counts\": [3, 2, 15], \"size\": [4, 5]}, \"attributes\": {\"annotator\": \"ann\"}},"
                + "{\"id\": 2, \"image_id\": 7, \"segmentation\": {\"counts\": \"<17\", \"size\": [4, 5]}, \"attributes\": {\"annotator\": \"ann\"}},"
                + "{\"id\": 3, \"image_id\": 7, \"segmentation\": {\"counts\": [0, 1, 19], \"size\": [4, 5]}, \"user\": {\"id\": 4, \"username\": \"bo\"}},"
                + "{\"id\": 4, \"image_id\": 7, \"segmentation\": {\"counts\": [0, 20], \"size\": [4, 5]}, \"creator\": 12}"
                + "]}"));
        assertEquals(3, imported.masks().size());
        // "<17" = counts 12, 1, 7: column-major index 12 = (x=3, y=0)
        assertEquals("5x4\n01010\n00000\n00000\n10000\n", GoldenMasks.rows(imported.masks().get(0)));
        assertEquals("ann", imported.masks().get(0).annotator());
        assertEquals("bo", imported.masks().get(1).annotator());
        assertEquals("12", imported.masks().get(2).annotator());
    }

    @Test
    void boundingBoxOnlyAndDegeneratePolygonsAreListedAsSkipped() throws IOException {
        Imported imported = CocoMasks.read(write("{" + IMAGES + ", \"annotations\": ["
                + "{\"id\": 1, \"image_id\": 7, \"bbox\": [0, 0, 2, 2], \"segmentation\": []},"
                + "{\"id\": 2, \"image_id\": 7, \"bbox\": [0, 0, 2, 2]},"
                + "{\"id\": 3, \"image_id\": 7, \"segmentation\": [[1, 1, 3, 3]]}"
                + "]}"));
        assertEquals(0, imported.masks().size());
        assertEquals(3, imported.skipped().size(), imported.skipped().toString());
        assertTrue(imported.skipped().get(0).contains("annotation #0 (id 1)")
                && imported.skipped().get(0).contains("bounding box only"), imported.skipped().get(0));
        assertTrue(imported.skipped().get(2).contains("fewer than a polygon's 3"), imported.skipped().get(2));
    }

    private void assertRefused(String json, String... parts) throws IOException {
        Path file = write(json);
        IOException e = assertThrows(IOException.class, () -> CocoMasks.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    @Test
    void malformedAnnotationsAreRefusedNamingFileAnnotationAndField() throws IOException {
        assertRefused("{" + IMAGES + ", \"annotations\": [{\"id\": 5, \"image_id\": 7,"
                + " \"segmentation\": {\"counts\": [3, 2, 14], \"size\": [4, 5]}}]}",
                "annotation #0 (id 5)", "segmentation.counts", "19", "20");
        assertRefused("{" + IMAGES + ", \"annotations\": [{\"id\": 5, \"image_id\": 7,"
                + " \"segmentation\": {\"counts\": \"32\", \"size\": [4, 5]}}, {\"id\": 6, \"image_id\": 7,"
                + " \"segmentation\": {\"counts\": \"3 2\", \"size\": [4, 5]}}]}",
                "annotation #0 (id 5)", "segmentation.counts");
        assertRefused("{" + IMAGES + ", \"annotations\": [{\"id\": 5, \"image_id\": 7,"
                + " \"segmentation\": {\"counts\": \"3 2\", \"size\": [4, 5]}}]}",
                "annotation #0 (id 5)", "compressed COCO RLE", "alphabet");
        assertRefused("{" + IMAGES + ", \"annotations\": [{\"id\": 1, \"image_id\": 7, \"segmentation\": [[1, 1, 3, 3, 4]]}]}",
                "annotation #0 (id 1)", "segmentation[0]", "x, y pairs");
        assertRefused("{" + IMAGES + ", \"annotations\": [{\"id\": 1, \"image_id\": 9, \"segmentation\": [[1, 1, 3, 3, 4, 0]]}]}",
                "annotation #0 (id 1)", "image_id", "9");
        assertRefused("{" + IMAGES + ", \"annotations\": [{\"id\": 1, \"image_id\": 7,"
                + " \"segmentation\": {\"counts\": [20], \"size\": [5, 4]}}]}",
                "segmentation.size", "[5, 4]");
        assertRefused("{" + IMAGES + ", \"annotations\": [{\"id\": 1, \"image_id\": 7, \"segmentation\": 3}]}",
                "annotation #0 (id 1)", "segmentation");
    }

    @Test
    void otherFormatsAreRefused() throws IOException {
        assertRefused("[{\"data\": {\"image\": \"x.png\"}, \"annotations\": []}]", "Label Studio");
        assertRefused("{\"images\": []}", "'annotations'");
        assertRefused("not json", "not valid JSON");
        assertRefused("{\"images\": [{\"id\": 1, \"file_name\": \"a.png\", \"height\": 4}], \"annotations\": []}",
                "image #0 (id 1)", "width");
    }
}
