package cyborg.web.annotate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seam between mask decoders (package {@code cyborg.web.annotate.imports}: Label Studio brush
 * RLE, COCO RLE/polygons) and the store: a decoder turns a file into {@link ImportedMask}s, and
 * {@link #into} saves them, counting what it skips. A format whose decoder is not in this build is
 * refused with a message, not a crash.
 */
public final class MaskImports {
    /** A file format's decoder. */
    @FunctionalInterface
    public interface Reader {
        List<ImportedMask> read(Path file) throws IOException;
    }

    /** The formats {@code cyborg annotate import --from} names. */
    public enum Format {
        LABELSTUDIO,
        COCO;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Counts by outcome. */
    public record Report(Map<AnnotationStore.ImportOutcome, Integer> counts) {
        public int imported() {
            return counts.getOrDefault(AnnotationStore.ImportOutcome.IMPORTED, 0);
        }
    }

    private static final Map<Format, Reader> READERS = new EnumMap<>(Format.class);

    static {
        // The decoders register here, one line each, once they exist:
        //   READERS.put(Format.LABELSTUDIO, cyborg.web.annotate.imports.LabelStudioMasks::read);
        //   READERS.put(Format.COCO, cyborg.web.annotate.imports.CocoMasks::read);
    }

    private MaskImports() {
    }

    /** The decoder of {@code format}. */
    public static Reader reader(Format format) {
        Reader r = READERS.get(format);
        if (r == null) {
            throw new IllegalArgumentException("importing " + format.key() + " files is not in this build yet");
        }
        return r;
    }

    /** Saves every mask into the store (each committed), counting imports and skips by reason. */
    public static Report into(AnnotationStore store, List<ImportedMask> masks, Format format) throws IOException {
        Map<AnnotationStore.ImportOutcome, Integer> counts = new LinkedHashMap<>();
        for (ImportedMask m : masks) {
            counts.merge(store.importMask(m, format.key()), 1, Integer::sum);
        }
        return new Report(counts);
    }
}
