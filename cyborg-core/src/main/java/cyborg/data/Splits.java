package cyborg.data;

import java.util.Locale;
import java.util.Set;

/** The split names cyborg reads: {@code train}, {@code val}, {@code test}. */
public final class Splits {
    public static final String TRAIN = "train";
    public static final String VAL = "val";
    public static final String TEST = "test";
    static final Set<String> ALL = Set.of(TRAIN, VAL, TEST);
    /** The split names in their natural order, for help texts and errors. */
    public static final java.util.List<String> NAMES = java.util.List.of(TRAIN, VAL, TEST);

    private Splits() {}

    /** Normalises a split name ({@code validation} means {@code val}); null if unknown. */
    public static String normalize(String s) {
        String n = s.trim().toLowerCase(Locale.ROOT);
        if (n.equals("validation")) {
            return VAL;
        }
        return ALL.contains(n) ? n : null;
    }
}
