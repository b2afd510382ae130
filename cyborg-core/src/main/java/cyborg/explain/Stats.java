package cyborg.explain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A distribution summary: count, mean, population std and quantiles (NaNs are left out and counted). */
public final class Stats {
    private Stats() {}

    /** {@code n, mean, std, q05, q25, median, q75, q95, nan}. */
    public static Map<String, Object> of(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", v.length);
        m.put("nan", values.length - v.length);
        if (v.length == 0) {
            return m;
        }
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
        m.put("mean", mean);
        m.put("std", Math.sqrt(var));
        m.put("q05", quantile(v, 0.05));
        m.put("q25", quantile(v, 0.25));
        m.put("median", quantile(v, 0.5));
        m.put("q75", quantile(v, 0.75));
        m.put("q95", quantile(v, 0.95));
        return m;
    }

    /** Linear interpolation between order statistics, as numpy's default. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Mean of each position over curves of equal length. */
    public static double[] meanCurve(java.util.List<double[]> curves) {
        double[] m = new double[curves.get(0).length];
        for (double[] c : curves) {
            for (int i = 0; i < m.length; i++) {
                m[i] += c[i] / curves.size();
            }
        }
        return m;
    }
}
