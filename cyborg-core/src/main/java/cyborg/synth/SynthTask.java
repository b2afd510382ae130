package cyborg.synth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The procedural tasks {@code cyborg synth} can write: the registry the CLI's help and errors
 * list. {@link #FACES} is the default.
 */
public enum SynthTask {
    /** The open-set face benchmark ({@link Benchmark}, docs/benchmark.md). */
    FACES("faces", Benchmark.DEFAULT_SIZE, "the procedural open-set face benchmark with a corner-mark shortcut (docs/benchmark.md)"),
    /** The Decoy-MNIST-style second shortcut task ({@link DecoyTask}, docs/decoy.md). */
    DECOY("decoy", DecoyTask.DEFAULT_SIZE, "smooth vs finely textured objects on clutter with Ross et al.'s"
            + " label-coded corner square, random in test (docs/decoy.md)");

    private final String id;
    private final int defaultSize;
    private final String summary;

    SynthTask(String id, int defaultSize, String summary) {
        this.id = id;
        this.defaultSize = defaultSize;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    /** Image size when none is given. */
    public int defaultSize() {
        return defaultSize;
    }

    /** One line on what the task is. */
    public String summary() {
        return summary;
    }

    /** The ids, comma-separated, in declaration order. */
    public static String ids() {
        return Arrays.stream(values()).map(SynthTask::id).collect(Collectors.joining(", "));
    }

    /** Parses a task id (case-insensitive). */
    public static SynthTask parse(String s) {
        String key = s.trim().toLowerCase(Locale.ROOT);
        for (SynthTask t : values()) {
            if (t.id.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + s + "'; use one of: " + ids());
    }

    @Override
    public String toString() {
        return id;
    }
}
