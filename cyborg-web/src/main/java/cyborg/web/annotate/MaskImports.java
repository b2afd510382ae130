package cyborg.web.annotate;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The store's side of importing masks drawn in other tools: the decoders (package
 * {@code cyborg.web.annotate.imports}, which depends on this one, not the other way round) turn a
 * file into {@link ImportedMask}s, and {@link #into} saves them, counting what it skips.
 */
public final class MaskImports {
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

    private MaskImports() {
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
