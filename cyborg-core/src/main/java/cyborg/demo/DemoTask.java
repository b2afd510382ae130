package cyborg.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which tasks {@code cyborg demo} runs: the face benchmark, the decoy task (docs/decoy.md), or both
 * in one report (the default). The rule of how many decoy seeds each runs is here.
 */
public enum DemoTask {
    FACES("faces"),
    DECOY("decoy"),
    BOTH("both");

    /** The decoy part's seeds beside the face runs: one, to keep the default demo in its time. */
    static final List<Long> SEEDS_BESIDE_FACES = List.of(1L);
    /** The decoy part's seeds when it runs alone: the three of docs/decoy.md. */
    static final List<Long> SEEDS_ALONE = List.of(1L, 2L, 3L);

    private final String id;

    DemoTask(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The ids, comma-separated, in declaration order. */
    public static String ids() {
        return Arrays.stream(values()).map(DemoTask::id).collect(Collectors.joining(", "));
    }

    /** Parses a task id (case-insensitive). */
    public static DemoTask parse(String s) {
        String key = s.trim().toLowerCase(Locale.ROOT);
        for (DemoTask t : values()) {
            if (t.id.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown demo task '" + s + "'; use one of: " + ids());
    }

    /** Whether the face benchmark runs. */
    public boolean runsFaces() {
        return this != DECOY;
    }

    /**
     * The decoy part for the demo of {@code faces}, or null when it does not run: {@link #FACES},
     * and {@code --quick} unless the decoy task alone was asked for (then with one seed).
     */
    public DecoyConfig decoyPart(DemoConfig faces, boolean quick) {
        if (this == FACES || (this == BOTH && quick)) {
            return null;
        }
        List<Long> seeds = this == DECOY && !quick ? SEEDS_ALONE : SEEDS_BESIDE_FACES;
        return DecoyConfig.defaults(faces.out(), seeds, faces.recommendedMethod());
    }

    @Override
    public String toString() {
        return id;
    }
}
