package cyborg.util;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The first few items of a list for a one-line message: a message about 10 000 bad rows must
 * still fit on one line, and the first few show the pattern.
 */
public final class FirstFew {
    private static final int SHOWN = 3;

    private FirstFew() {}

    /** The first three items joined by {@code separator}, then {@code , ...} when there are more. */
    public static String of(List<?> all, String separator) {
        String shown = all.stream().limit(SHOWN).map(String::valueOf).collect(Collectors.joining(separator));
        return all.size() > SHOWN ? shown + separator + "..." : shown;
    }
}
