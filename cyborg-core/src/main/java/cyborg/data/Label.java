package cyborg.data;

import java.util.Locale;
import java.util.Optional;

/** The two classes, in the reference order: index 0 Real, index 1 Synthetic. */
public enum Label {
    REAL("Real"),
    SYNTHETIC("Synthetic");

    /** The class folder names {@link #ofFolder} reads, for messages. */
    public static final String FOLDER_NAMES = "real, 0_real, synthetic, fake, 1_fake";

    private final String displayName;

    Label(String displayName) {
        this.displayName = displayName;
    }

    /** Class index: the logit and the CAM weight row of this class. */
    public int index() {
        return ordinal();
    }

    /** The name the reference CSV uses ({@code Real}, {@code Synthetic}). */
    public String displayName() {
        return displayName;
    }

    /** Parses a CSV class field, case-insensitively; also accepts {@code fake}. */
    public static Optional<Label> parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "real":
                return Optional.of(REAL);
            case "synthetic":
            case "fake":
                return Optional.of(SYNTHETIC);
            default:
                return Optional.empty();
        }
    }

    /** Reads a folder-layout class directory name ({@code real}, {@code 0_real}, {@code synthetic}, {@code fake}, {@code 1_fake}). */
    public static Optional<Label> ofFolder(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("real") || n.equals("0_real")) {
            return Optional.of(REAL);
        }
        if (n.equals("synthetic") || n.equals("fake") || n.equals("1_fake")) {
            return Optional.of(SYNTHETIC);
        }
        return Optional.empty();
    }
}
