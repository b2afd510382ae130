package cyborg.chart;

import java.util.Arrays;

/**
 * Values counted into equal bins over [min, max]: bin i holds min + i * width &lt;= v &lt; min + (i + 1) * width,
 * the last bin also v = max, so a share of exactly 1 is counted (in the top bin).
 *
 * @param counts how many values fell in each bin
 */
public record Histogram(double min, double max, int[] counts) {
    public Histogram {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a histogram needs min < max, both finite, got [" + min + ", " + max + "]");
        }
        if (counts.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one bin");
        }
        counts = counts.clone();
    }

    /** Counts {@code values} into {@code bins} bins over [min, max]; a value outside it, or NaN, is refused. */
    public static Histogram of(double[] values, double min, double max, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin, got " + bins);
        }
        int[] counts = new int[bins];
        Histogram h = new Histogram(min, max, counts);
        for (double v : values) {
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException("value " + v + " is outside the histogram's range [" + min + ", "
                        + max + "]");
            }
            h.counts[Math.min(bins - 1, (int) Math.floor((v - min) / (max - min) * bins))]++;
        }
        return h;
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    /** The lower edge of bin {@code i} (i = bins() gives max). */
    public double edge(int i) {
        return i == counts.length ? max : min + (max - min) * i / counts.length;
    }

    /** How many values were counted. */
    public int total() {
        return Arrays.stream(counts).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && h.min == min && h.max == max && Arrays.equals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(min) + 17 * Double.hashCode(max) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[" + min + ", " + max + "] " + Arrays.toString(counts);
    }
}
