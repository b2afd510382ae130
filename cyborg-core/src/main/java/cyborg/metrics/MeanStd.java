package cyborg.metrics;

import java.util.Locale;

/**
 * Mean and spread of one metric over repeated training runs.
 *
 * <p>The standard deviation is the population one (divides by n, ddof = 0), matching numpy's
 * default {@code np.std} as used by the CYBORG research code, so numbers stay comparable.
 *
 * @param mean arithmetic mean of the values
 * @param std population standard deviation of the values
 * @param n number of values
 */
public record MeanStd(double mean, double std, int n) {

    /**
     * Summarises the values.
     *
     * @throws IllegalArgumentException if there are no values
     */
    public static MeanStd of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot summarise zero values");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        // Two passes: summing squared deviations avoids the cancellation of E[x^2] - E[x]^2.
        double squaredDeviations = 0;
        for (double v : values) {
            squaredDeviations += (v - mean) * (v - mean);
        }
        return new MeanStd(mean, Math.sqrt(squaredDeviations / values.length), values.length);
    }

    /** Formats as {@code mean ± std} with the given number of decimals. */
    public String format(int decimals) {
        String number = "%." + decimals + "f";
        return String.format(Locale.ROOT, number + " ± " + number, mean, std);
    }

    /** Formats as {@code mean ± std} with three decimals, e.g. {@code 0.612 ± 0.050}. */
    @Override
    public String toString() {
        return format(3);
    }
}
