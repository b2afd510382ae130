package cyborg.web.annotate;

import java.util.Locale;

/** How images are shown: a Real and a Synthetic side by side (CYBORG's protocol), or one at a time. */
public enum Mode {
    PAIR,
    SINGLE;

    /** The name in the database and the API. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
