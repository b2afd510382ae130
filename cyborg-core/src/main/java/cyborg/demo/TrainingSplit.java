package cyborg.demo;

import cyborg.synth.Benchmark;

/**
 * The split file of the benchmark a demo row trains and validates on; every row is scored on the
 * same open set ({@code split.csv}'s test rows).
 */
public enum TrainingSplit {
    /** {@code split.csv}: the shortcut on most synthetic and few authentic images. */
    BIASED("split.csv"),
    /**
     * {@code split-ceiling.csv}: the same faces with the mark on half of either class, so it carries
     * no label; not a method but the reference for what removing the shortcut can reach.
     */
    SHORTCUT_FREE(Benchmark.CEILING_SPLIT),
    /** {@code split-4x.csv}: four times the training rows at the same shortcut rate (the paper's data row). */
    FOUR_X(Benchmark.FOUR_X_SPLIT);

    private final String file;

    TrainingSplit(String file) {
        this.file = file;
    }

    /** The file's name in the benchmark folder. */
    public String file() {
        return file;
    }
}
