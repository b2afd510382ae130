package cyborg.plot;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Axis tick positions at round numbers (steps of 1, 2, 2.5 or 5 times a power of ten) and
 * their labels, all printed with the same number of decimals.
 */
final class NiceTicks {

    private static final double[] NICE_STEPS = {1, 2, 2.5, 5, 10};
    // A raw step below NICE_STEPS[i + 1]'s bound rounds to NICE_STEPS[i]: roughly the geometric
    // midpoints, so the chosen step is the nearest nice one rather than always a larger one.
    private static final double[] UPPER_BOUNDS = {1.5, 2.25, 3.5, 7};

    private final double[] values;
    private final int decimals;

    private NiceTicks(double[] values, int decimals) {
        this.values = values;
        this.decimals = decimals;
    }

    /** Ticks inside the range, with a round step near {@code range / targetCount}. */
    static NiceTicks covering(Range range, int targetCount) {
        double raw = range.span() / Math.max(1, targetCount);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalised = raw / magnitude;
        double nice = NICE_STEPS[NICE_STEPS.length - 1];
        for (int i = 0; i < UPPER_BOUNDS.length; i++) {
            if (normalised < UPPER_BOUNDS[i]) {
                nice = NICE_STEPS[i];
                break;
            }
        }
        // Exact decimal arithmetic: 3 * 0.2 would otherwise print as 0.6000000000000001.
        BigDecimal step = BigDecimal.valueOf(nice).multiply(BigDecimal.valueOf(magnitude));
        double stepValue = step.doubleValue();
        long first = (long) Math.ceil(range.min() / stepValue - 1e-9);
        long last = (long) Math.floor(range.max() / stepValue + 1e-9);
        double[] values = new double[(int) Math.max(0, last - first + 1)];
        for (int i = 0; i < values.length; i++) {
            values[i] = step.multiply(BigDecimal.valueOf(first + i)).doubleValue();
        }
        int decimals = Math.max(0, step.stripTrailingZeros().scale());
        return new NiceTicks(values, decimals);
    }

    /** Tick positions in data units, ascending. */
    double[] values() {
        return values.clone();
    }

    /** The label of a tick value. */
    String label(double value) {
        // Avoids "-0.0" for a tick that rounds to zero from below.
        double shown = value == 0 ? 0 : value;
        return String.format(Locale.ROOT, "%." + decimals + "f", shown);
    }
}
