package cyborg.explain;






import cyborg.image.FloatMaps;
import cyborg.image.Resampler;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Localisation measures: how well an attribution (saliency) map falls on the region a human
 * marked, with Quantus's definitions (Hedström et al. 2023, {@code quantus.metrics.localisation}).
 * Maps are row-major arrays of equal length; the attribution {@code a} enters through its
 * non-negative part {@code a+ = max(a, 0)} (negative evidence is not "pointing at" anything), and
 * the human map through a binary mask {@code M}, see {@link #mask}.
 *
 * <p>A value that is undefined for the inputs is NaN (callers skip it, as {@link Stats} does):
 * every measure is NaN when {@code M} is empty (a human map without a marked region cannot judge
 * localisation, and 0 would blame the model for it); the measures that depend on where the
 * attribution is largest are NaN when {@code a+} is zero everywhere.
 */
public final class Localisation {
    /** The default mask threshold: a pixel is marked if the min-max normalised human map is at least this. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    /** The four measures of one map. */
    public record Scores(double massAccuracy, double rankAccuracy, double pointingGame, double auc) {}

    private Localisation() {}

    /** All four measures of {@code attribution} against {@code mask}. */
    public static Scores of(float[] attribution, boolean[] mask) {
        return new Scores(massAccuracy(attribution, mask), rankAccuracy(attribution, mask),
                pointingGame(attribution, mask), auc(attribution, mask));
    }

    /**
     * The binary mask of a human map: {@code M = norm(m) >= threshold}, where {@code norm} is min-max
     * normalisation to [0,1] (a constant map normalises to zeros, so its mask is empty unless the
     * threshold is 0).
     *
     * @param threshold in [0,1]; {@link #DEFAULT_THRESHOLD} by default
     */
    public static boolean[] mask(float[] human, double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("mask threshold must lie in [0,1], got " + threshold);
        }
        float[] m = FloatMaps.minMaxNormalized(human);
        boolean[] out = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i] >= threshold;
        }
        return out;
    }

    /**
     * The mask of a human map at an attribution's resolution: the map is resized with the bilinear
     * resampling of float maps that training uses ({@link Resampler#resize(float[], int, int, int, int)}),
     * then normalised and thresholded by {@link #mask}, the order of the training pipeline.
     */
    public static boolean[] maskAt(float[] human, int width, int height, int newWidth, int newHeight, double threshold) {
        float[] resized = width == newWidth && height == newHeight ? human
                : Resampler.resize(human, width, height, newWidth, newHeight);
        return mask(resized, threshold);
    }

    /**
     * Relevance mass accuracy (Arras et al. 2022, "CLEVR-XAI", Information Fusion 81):
     * {@code sum(a+ * M) / sum(a+)}, the share of the attribution inside the mask; NaN when
     * {@code sum(a+) == 0} or the mask is empty.
     */
    public static double massAccuracy(float[] attribution, boolean[] mask) {
        check(attribution, mask);
        double inside = 0;
        double total = 0;
        for (int i = 0; i < attribution.length; i++) {
            double v = positive(attribution[i]);
            total += v;
            if (mask[i]) {
                inside += v;
            }
        }
        return total == 0 || count(mask) == 0 ? Double.NaN : inside / total;
    }

    /**
     * Relevance rank accuracy (Arras et al. 2022): with {@code K = |M|}, the fraction of the K
     * pixels of highest {@code a+} that lie inside M. Ties in {@code a+} are ordered by index
     * (row-major, first pixel first), so the result is deterministic. NaN when the mask is empty
     * or {@code a+} is zero everywhere.
     */
    public static double rankAccuracy(float[] attribution, boolean[] mask) {
        check(attribution, mask);
        int k = count(mask);
        if (k == 0 || isZero(attribution)) {
            return Double.NaN;
        }
        // Arrays.sort on objects is stable: equal attributions keep their index order.
        Integer[] order = new Integer[attribution.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> -positive(attribution[i])));
        int hits = 0;
        for (int r = 0; r < k; r++) {
            if (mask[order[r]]) {
                hits++;
            }
        }
        return (double) hits / k;
    }

    /**
     * Pointing game (Zhang et al. 2018, "Top-down neural attention by excitation backprop", IJCV
     * 126): 1 if the pixel of highest {@code a+} lies inside M, else 0. Of tied maxima the first
     * (row-major) counts, as numpy's {@code argmax} in Quantus. NaN when the mask is empty or
     * {@code a+} is zero everywhere.
     */
    public static double pointingGame(float[] attribution, boolean[] mask) {
        check(attribution, mask);
        if (count(mask) == 0 || isZero(attribution)) {
            return Double.NaN;
        }
        int best = 0;
        for (int i = 1; i < attribution.length; i++) {
            if (positive(attribution[i]) > positive(attribution[best])) {
                best = i;
            }
        }
        return mask[best] ? 1 : 0;
    }

    /**
     * Attribution AUC (Quantus's {@code AUC}, after Fawcett 2006): the ROC AUC of {@code a+} as a
     * score separating M's pixels from the rest, computed as the Mann-Whitney statistic
     * {@code P(a+ inside > a+ outside) + P(equal) / 2} through mid-ranks. NaN when M is empty or
     * full (one class only); an all-zero attribution gives 0.5 (all ties).
     */
    public static double auc(float[] attribution, boolean[] mask) {
        check(attribution, mask);
        int n = attribution.length;
        long positives = count(mask);
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> positive(attribution[i])));
        double rankSum = 0;
        for (int lo = 0; lo < n;) {
            int hi = lo;
            while (hi + 1 < n && positive(attribution[order[hi + 1]]) == positive(attribution[order[lo]])) {
                hi++;
            }
            double midRank = (lo + hi) / 2.0 + 1; // 1-based ranks, ties share their mean
            for (int r = lo; r <= hi; r++) {
                if (mask[order[r]]) {
                    rankSum += midRank;
                }
            }
            lo = hi + 1;
        }
        double u = rankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }

    private static double positive(float v) {
        return Math.max(v, 0f);
    }

    private static boolean isZero(float[] a) {
        for (float v : a) {
            if (v > 0) {
                return false;
            }
        }
        return true;
    }

    private static int count(boolean[] mask) {
        int k = 0;
        for (boolean b : mask) {
            if (b) {
                k++;
            }
        }
        return k;
    }

    private static void check(float[] attribution, boolean[] mask) {
        if (attribution.length != mask.length) {
            throw new IllegalArgumentException("lengths differ: " + attribution.length + " vs " + mask.length);
        }
        if (attribution.length == 0) {
            throw new IllegalArgumentException("localisation of an empty map is undefined");
        }
        for (int i = 0; i < attribution.length; i++) {
            if (!Float.isFinite(attribution[i])) {
                throw new IllegalArgumentException("attribution[" + i + "] is not finite: " + attribution[i]);
            }
        }
    }
}
