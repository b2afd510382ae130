package cyborg.web.annotate.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import cyborg.web.annotate.ImportedMask;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The golden files of tools/golden/make_import_golden.py, and mask helpers for the tests. */
final class GoldenMasks {
    private GoldenMasks() {
    }

    static Path resource(String name) {
        try {
            return Path.of(GoldenMasks.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "image|annotator" to the reference's mask as rows of '0'/'1'. */
    static Map<String, String> expected(String name) {
        try (InputStream in = GoldenMasks.class.getResourceAsStream("/imports/" + name)) {
            assertNotNull(in, name);
            JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : root.entrySet()) {
                JsonObject m = e.getValue().getAsJsonObject();
                StringBuilder rows = new StringBuilder();
                rows.append(m.get("width").getAsInt()).append('x').append(m.get("height").getAsInt()).append('\n');
                for (JsonElement row : m.getAsJsonArray("rows")) {
                    rows.append(row.getAsString()).append('\n');
                }
                out.put(e.getKey(), rows.toString());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mask in the golden layout: "WxH\n" then one row of '0'/'1' per line. */
    static String rows(ImportedMask m) {
        assertEquals(m.width() * m.height(), m.mask().length, m.image());
        return rows(m.mask(), m.width(), m.height());
    }

    static String rows(boolean[] mask, int width, int height) {
        StringBuilder s = new StringBuilder().append(width).append('x').append(height).append('\n');
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                s.append(mask[y * width + x] ? '1' : '0');
            }
            s.append('\n');
        }
        return s.toString();
    }

    static Map<String, String> actual(Iterable<ImportedMask> masks) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ImportedMask m : masks) {
            out.put(m.image() + "|" + m.annotator(), rows(m));
        }
        return out;
    }

    /** Parse a picture like "01\n10" (rows of '0'/'1') into a row-major mask. */
    static boolean[] mask(String picture) {
        String bits = picture.replace("\n", "");
        boolean[] m = new boolean[bits.length()];
        for (int i = 0; i < m.length; i++) {
            m[i] = bits.charAt(i) == '1';
        }
        return m;
    }
}
