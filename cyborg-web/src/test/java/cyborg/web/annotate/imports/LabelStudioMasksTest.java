package cyborg.web.annotate.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.web.annotate.ImportedMask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelStudioMasksTest {
    @TempDir
    Path dir;

    /**
     * label-studio-converter's encode_rle (wordsize 8, rle sizes 3, 4, 8, 16) as its docstring and
     * layout describe it: a run of 1 is a literal "0 00 000" + value; longer runs are repeats
     * "1" + size index + (length - 1) + value, runs over 2^16 split.
     */
    static int[] encodeRle(int[] values) {
        StringBuilder s = new StringBuilder();
        s.append(bits(values.length, 32)).append(bits(8 - 1, 5));
        for (int size : new int[] {3, 4, 8, 16}) {
            s.append(bits(size - 1, 4));
        }
        for (int i = 0; i < values.length; ) {
            int j = i;
            while (j < values.length && values[j] == values[i]) {
                j++;
            }
            long n = j - i;
            if (n == 1) {
                s.append("000000").append(bits(values[i], 8));
            } else if (n <= 8) {
                s.append("100").append(bits(n - 1, 3)).append(bits(values[i], 8));
            } else if (n <= 16) {
                s.append("101").append(bits(n - 1, 4)).append(bits(values[i], 8));
            } else if (n <= 256) {
                s.append("110").append(bits(n - 1, 8)).append(bits(values[i], 8));
            } else {
                long left = n;
                while (left > 1 << 16) {
                    s.append("111").append(bits((1 << 16) - 1, 16)).append(bits(values[i], 8));
                    left -= 1 << 16;
                }
                s.append("111").append(bits(left - 1, 16)).append(bits(values[i], 8));
            }
            i = j;
        }
        s.append("0".repeat(8 - s.length() % 8)); // as the converter: 1..8 zero bits
        return bytes(s.toString());
    }

    /** mask2rle: each pixel's gray value repeated in R, G, B and alpha. */
    static int[] mask2rle(boolean[] mask) {
        int[] values = new int[mask.length * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = mask[i / 4] ? 255 : 0;
        }
        return encodeRle(values);
    }

    static String bits(long value, int n) {
        StringBuilder s = new StringBuilder(Long.toBinaryString(value));
        while (s.length() < n) {
            s.insert(0, '0');
        }
        return s.toString();
    }

    static int[] bytes(String bitString) {
        String b = bitString.replace(" ", "");
        int[] out = new int[b.length() / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.parseInt(b.substring(8 * i, 8 * i + 8), 2);
        }
        return out;
    }

    private Path write(String json) throws IOException {
        Path p = dir.resolve("project-1-at-2026.json");
        Files.writeString(p, json);
        return p;
    }

    private static String task(String image, String annotations) {
        return "{\"id\": 42, \"data\": {\"image\": \"" + image + "\"}, \"annotations\": [" + annotations + "]}";
    }

    private static String brush(int[] rle, int w, int h) {
        return "{\"type\": \"brushlabels\", \"original_width\": " + w + ", \"original_height\": " + h
                + ", \"value\": {\"format\": \"rle\", \"rle\": " + Arrays.toString(rle) + ", \"brushlabels\": [\"face\"]}}";
    }

    @Test
    void goldenExportDecodesExactlyAsTheConverter() throws IOException {
        Imported imported = LabelStudioMasks.read(GoldenMasks.resource("labelstudio.json"));
        Map<String, String> expected = GoldenMasks.expected("labelstudio_masks.json");
        Map<String, String> actual = GoldenMasks.actual(imported.masks());
        assertEquals(expected.keySet(), actual.keySet());
        for (String key : expected.keySet()) {
            assertEquals(expected.get(key), actual.get(key), key);
        }
        assertTrue(imported.skipped().isEmpty(), imported.skipped().toString());
    }

    @Test
    void handCheckedOnePixelImage() {
        // 4 values, word size 8, rle sizes 3 4 8 16, then one repeat run of 4 x 255, padded to bytes;
        // label-studio-converter mask2rle(np.array([[255]], np.uint8)) gives these same 9 bytes
        int[] rle = bytes("00000000 00000000 00000000 00000100  00111  0010 0011 0111 1111  1 00 011 11111111  00000");
        assertArrayEquals(new int[] {0, 0, 0, 4, 57, 27, 252, 127, 224}, rle);
        assertArrayEquals(rle, mask2rle(new boolean[] {true}));
        assertArrayEquals(new boolean[] {true}, LabelStudioRle.decode(rle, 1, 1));
        // 2x1: a literal run of 8 values; the mask follows alpha (values 3 and 7), not the colour
        int[] literal = bytes("00000000 00000000 00000000 00001000  00111  0010 0011 0111 1111  0 00 111"
                + " 11111111 00000000 00000000 00000000  00000000 00000000 00000000 00000001  00000");
        assertArrayEquals(new boolean[] {false, true}, LabelStudioRle.decode(literal, 2, 1));
    }

    @Test
    void converterEncodedMasksRoundTrip() {
        Random rng = new Random(3);
        for (int trial = 0; trial < 100; trial++) {
            int w = 1 + rng.nextInt(80);
            int h = 1 + rng.nextInt(60);
            boolean[] mask = new boolean[w * h];
            double density = rng.nextDouble();
            boolean blocky = rng.nextBoolean();
            for (int i = 0; i < mask.length; i++) {
                mask[i] = blocky ? ((i / w) / 7 + (i % w) / 5) % 2 == 0 : rng.nextDouble() < density;
            }
            assertArrayEquals(mask, LabelStudioRle.decode(mask2rle(mask), w, h), w + "x" + h);
        }
        // runs longer than 2^16 values are split by the encoder
        boolean[] big = new boolean[300 * 200];
        Arrays.fill(big, 0, 20_000, true);
        assertArrayEquals(big, LabelStudioRle.decode(mask2rle(big), 300, 200));
    }

    @Test
    void resultsOfOneAnnotatorAreOredAndCancelledAnnotationsSkipped() throws IOException {
        boolean[] left = GoldenMasks.mask("100\n100");
        boolean[] right = GoldenMasks.mask("001\n000");
        Path file = write("[" + task("/data/upload/3/abcd1234-face 1.png",
                "{\"id\": 1, \"completed_by\": 3, \"result\": [" + brush(mask2rle(left), 3, 2) + ", "
                        + brush(mask2rle(right), 3, 2) + ", {\"type\": \"rectanglelabels\", \"value\": {}}]},"
                        + "{\"id\": 2, \"completed_by\": {\"id\": 4, \"email\": \"b@x.org\"}, \"result\": ["
                        + brush(mask2rle(right), 3, 2) + "]},"
                        + "{\"id\": 3, \"completed_by\": 5, \"was_cancelled\": true, \"result\": []},"
                        + "{\"id\": 4, \"completed_by\": 6, \"result\": [{\"type\": \"choices\", \"value\": {}}]}")
                + "]");
        Imported imported = LabelStudioMasks.read(file);
        assertEquals(2, imported.masks().size());
        ImportedMask first = imported.masks().get(0);
        assertEquals("face 1.png", first.image());
        assertEquals("3", first.annotator());
        assertEquals("3x2\n101\n100\n", GoldenMasks.rows(first));
        assertEquals("b@x.org", imported.masks().get(1).annotator());
        String skipped = String.join("\n", imported.skipped());
        assertEquals(3, imported.skipped().size(), skipped);
        assertTrue(skipped.contains("annotation #0 (id 1)") && skipped.contains("rectanglelabels"), skipped);
        assertTrue(skipped.contains("annotation #2 (id 3)") && skipped.contains("cancelled"), skipped);
        assertTrue(skipped.contains("annotation #3 (id 4)") && skipped.contains("no brush mask"), skipped);
    }

    @Test
    void imageNamesDropLabelStudiosUploadPrefix() {
        assertEquals("NAME.png", LabelStudioMasks.imageName("/data/upload/3/abcd1234-NAME.png"));
        assertEquals("my-face-01.png", LabelStudioMasks.imageName("/data/upload/12/0f9e8d7c-my-face-01.png"));
        assertEquals("a b.jpg", LabelStudioMasks.imageName("http://ls:8080/data/upload/3/abcd1234-a%20b.jpg"));
        assertEquals("img.png", LabelStudioMasks.imageName("/data/local-files/?d=faces%2Fset%2Fimg.png"));
        assertEquals("x.png", LabelStudioMasks.imageName("s3://bucket/dir/x.png"));
        assertEquals("y.png", LabelStudioMasks.imageName("https://host/dir/y.png?X-Amz-Signature=abc"));
        assertEquals("abcd-NAME.png", LabelStudioMasks.imageName("/files/abcd-NAME.png"));
        assertEquals("photo.png", LabelStudioMasks.imageName("photo.png"));
    }

    private void assertRefused(String json, String... parts) throws IOException {
        Path file = write(json);
        IOException e = assertThrows(IOException.class, () -> LabelStudioMasks.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    @Test
    void malformedResultsAreRefusedNamingFileTaskAnnotationAndField() throws IOException {
        int[] rle = mask2rle(GoldenMasks.mask("10\n01"));
        int[] truncated = Arrays.copyOf(rle, rle.length - 3);
        assertRefused("[" + task("a.png", "{\"id\": 8, \"completed_by\": 1, \"result\": [" + brush(truncated, 2, 2) + "]}") + "]",
                "task #0 (id 42)", "annotation #0 (id 8)", "result #0", "value.rle", "ends early");
        assertRefused("[" + task("a.png", "{\"id\": 8, \"completed_by\": 1, \"result\": [" + brush(rle, 3, 2) + "]}") + "]",
                "task #0 (id 42)", "annotation #0 (id 8)", "value.rle", "original_width");
        assertRefused("[" + task("a.png", "{\"id\": 8, \"completed_by\": 1, \"result\": [{\"type\": \"brushlabels\","
                + " \"original_height\": 2, \"value\": {\"format\": \"rle\", \"rle\": [0]}}]}") + "]",
                "annotation #0 (id 8)", "'original_width'");
        assertRefused("[" + task("a.png", "{\"id\": 8, \"completed_by\": 1, \"result\": [{\"type\": \"brushlabels\","
                + " \"original_width\": 2, \"original_height\": 2, \"value\": {\"format\": \"png\", \"rle\": [0]}}]}") + "]",
                "annotation #0 (id 8)", "'png'", "only");
        assertRefused("[" + task("a.png", "{\"id\": 8, \"result\": []}") + "]", "annotation #0 (id 8)", "completed_by");
        assertRefused("[" + task("a.png", "{\"id\": 8, \"completed_by\": 1, \"result\": [" + brush(new int[] {0, 300}, 1, 1)
                + "]}") + "]", "value.rle[1]", "0, 255");
        assertRefused("[{\"id\": 42, \"data\": {}, \"annotations\": []}]", "task #0 (id 42)", "data.image");
    }

    @Test
    void otherFormatsAreRefused() throws IOException {
        assertRefused("{\"images\": [], \"annotations\": []}", "COCO");
        assertRefused("[1, 2]", "task #0");
        assertRefused("{\"broken\": ", "not valid JSON");
    }

    @Test
    void legacyCompletionsAndAnOtherwiseNamedImageFieldAreRead() throws IOException {
        int[] rle = mask2rle(GoldenMasks.mask("01\n11"));
        Imported imported = LabelStudioMasks.read(write("{\"id\": 1, \"data\": {\"img\": \"/data/upload/2/00ff00ff-q.png\"},"
                + " \"completions\": [{\"id\": 1, \"completed_by\": 2, \"result\": [" + brush(rle, 2, 2) + "]}]}"));
        assertEquals(1, imported.masks().size());
        assertEquals("q.png", imported.masks().get(0).image());
        assertEquals("2x2\n01\n11\n", GoldenMasks.rows(imported.masks().get(0)));
    }

    @Test
    void predictionsAreCountedAsSkipped() throws IOException {
        Imported imported = LabelStudioMasks.read(write("[{\"id\": 1, \"data\": {\"image\": \"x.png\"},"
                + " \"annotations\": [], \"predictions\": [{\"result\": []}]}]"));
        assertEquals(0, imported.masks().size());
        assertEquals(2, imported.skipped().size(), imported.skipped().stream().collect(Collectors.joining("\n")));
    }
}
