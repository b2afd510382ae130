package cyborg.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The bad-input policy and its record: either the first bad input stops the run (the default),
 * or bad inputs are skipped and counted by reason, with the first few kept as examples.
 */
public final class SkipReport {
    private static final int EXAMPLES = 5;
    private final boolean skipBad;
    private final Map<BadInputReason, Integer> counts = new EnumMap<>(BadInputReason.class);
    private final List<String> examples = new ArrayList<>();

    private SkipReport(boolean skipBad) {
        this.skipBad = skipBad;
    }

    /** Stops at the first bad input. */
    public static SkipReport failFast() {
        return new SkipReport(false);
    }

    /** Skips bad inputs and counts them. */
    public static SkipReport skipping() {
        return new SkipReport(true);
    }

    /** Throws {@code e} under the fail-fast policy, else records it. */
    public synchronized void handle(BadInputException e) throws BadInputException {
        if (!skipBad) {
            throw e;
        }
        counts.merge(e.reason(), 1, Integer::sum);
        if (examples.size() < EXAMPLES) {
            examples.add(e.getMessage());
        }
    }

    public boolean skipsBad() {
        return skipBad;
    }

    /** Skips so far, by reason. */
    public synchronized Map<BadInputReason, Integer> counts() {
        return Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    public synchronized int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One line per reason, e.g. {@code skipped 2 inputs: 1 missing file, 1 unknown class}. */
    @Override
    public synchronized String toString() {
        if (counts.isEmpty()) {
            return "skipped 0 inputs";
        }
        StringBuilder sb = new StringBuilder("skipped " + total() + " input" + (total() == 1 ? "" : "s") + ":");
        String sep = " ";
        for (Map.Entry<BadInputReason, Integer> e : counts.entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().description());
            sep = ", ";
        }
        for (String example : examples) {
            sb.append(System.lineSeparator()).append("  e.g. ").append(example);
        }
        return sb.toString();
    }
}
