package cyborg.web.annotate.imports;

import cyborg.web.annotate.ImportedMask;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects masks per (image, annotator), OR-ing repeats; refuses one image with two sizes. */
final class MaskSet {
    private record Key(String image, String annotator) {
    }

    private final Map<Key, ImportedMask> masks = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    /** OR {@code mask} (row-major, width * height) into the mask of (image, annotator). */
    void add(String image, String annotator, int width, int height, boolean[] mask, String where)
            throws IOException {
        Key key = new Key(image, annotator);
        ImportedMask old = masks.get(key);
        if (old == null) {
            masks.put(key, new ImportedMask(image, annotator, width, height, mask.clone()));
            return;
        }
        if (old.width() != width || old.height() != height) {
            throw new IOException(where + ": image '" + image + "' is " + width + "x" + height
                    + " here but " + old.width() + "x" + old.height() + " in an earlier annotation by '"
                    + annotator + "'; fix the size in the export (one image has one size)");
        }
        boolean[] merged = old.mask();
        for (int i = 0; i < merged.length; i++) {
            merged[i] |= mask[i];
        }
    }

    void skip(String reason) {
        skipped.add(reason);
    }

    Imported result() {
        return new Imported(new ArrayList<>(masks.values()), skipped);
    }
}
