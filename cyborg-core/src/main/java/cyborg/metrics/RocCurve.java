package cyborg.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Receiver operating characteristic of a Synthetic-vs-Real detector.
 *
 * <p>A sample is predicted Synthetic when its score is {@code >= t}. The curve has one point per
 * distinct score (samples with equal scores cannot be split by any threshold, so they move the
 * curve together, diagonally), preceded by (0, 0) for a threshold above every score; the last
 * point is therefore (1, 1). The false positive rate is the false detection rate (Real called
 * Synthetic) and the true positive rate the true detection rate (Synthetic caught).
 */
public final class RocCurve {

    /** False detection rates at which {@link DetectionMetrics} reports the true detection rate. */
    public static final List<Double> DEFAULT_FDR_TARGETS = List.of(0.001, 0.002, 0.01, 0.05);

    private final int nReal;
    private final int nSynthetic;
    // Counts rather than rates, so that the area is summed exactly before the final division.
    private final long[] falsePositives;
    private final long[] truePositives;
    private final double[] thresholds;

    /**
     * @param scores one score per sample, higher = more likely Synthetic; none NaN
     * @param labels {@link Labels#REAL} or {@link Labels#SYNTHETIC} per sample
     * @throws IllegalArgumentException if the arrays differ in length, a score is NaN, a label is
     *     not 0/1, or either class is absent
     */
    public RocCurve(double[] scores, int[] labels) {
        Labels.requireBothClasses(scores, labels);
        nSynthetic = Labels.count(labels, Labels.SYNTHETIC);
        nReal = labels.length - nSynthetic;

        Integer[] byScoreDescending = new Integer[scores.length];
        for (int i = 0; i < scores.length; i++) {
            byScoreDescending[i] = i;
        }
        Arrays.sort(byScoreDescending,
                Comparator.comparingDouble((Integer i) -> scores[i]).reversed());

        int distinct = countDistinct(scores, byScoreDescending);
        falsePositives = new long[distinct + 1];
        truePositives = new long[distinct + 1];
        thresholds = new double[distinct + 1];
        thresholds[0] = Double.POSITIVE_INFINITY;

        int point = 0;
        long fp = 0;
        long tp = 0;
        for (int k = 0; k < byScoreDescending.length; k++) {
            int i = byScoreDescending[k];
            if (labels[i] == Labels.SYNTHETIC) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTieGroup = k + 1 == byScoreDescending.length
                    || scores[byScoreDescending[k + 1]] != scores[i];
            if (lastOfTieGroup) {
                point++;
                falsePositives[point] = fp;
                truePositives[point] = tp;
                thresholds[point] = scores[i];
            }
        }
    }

    private static int countDistinct(double[] scores, Integer[] sorted) {
        int distinct = 0;
        for (int k = 0; k < sorted.length; k++) {
            if (k == 0 || scores[sorted[k]] != scores[sorted[k - 1]]) {
                distinct++;
            }
        }
        return distinct;
    }

    /** Number of Real (label 0) samples. */
    public int nReal() {
        return nReal;
    }

    /** Number of Synthetic (label 1) samples. */
    public int nSynthetic() {
        return nSynthetic;
    }

    /** Number of points on the curve, including (0, 0) and (1, 1). */
    public int size() {
        return thresholds.length;
    }

    /** False positive (false detection) rate of every point, non-decreasing from 0 to 1. */
    public double[] fpr() {
        return rates(falsePositives, nReal);
    }

    /** True positive (true detection) rate of every point, non-decreasing from 0 to 1. */
    public double[] tpr() {
        return rates(truePositives, nSynthetic);
    }

    /**
     * The threshold of every point: the lowest score predicted Synthetic. The first point's
     * threshold is {@code +Infinity}, which predicts nothing Synthetic.
     */
    public double[] thresholds() {
        return thresholds.clone();
    }

    private static double[] rates(long[] counts, int total) {
        double[] rates = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            rates[i] = (double) counts[i] / total;
        }
        return rates;
    }

    /**
     * Area under the curve by the trapezoid rule. Because tied scores make a diagonal step, this
     * equals the Mann–Whitney probability that a random Synthetic sample outscores a random Real
     * one, with ties counted as one half.
     */
    public double auc() {
        // Twice the area in count units: each step adds width dFP times the summed heights.
        long twiceArea = 0;
        for (int i = 1; i < thresholds.length; i++) {
            twiceArea += (falsePositives[i] - falsePositives[i - 1])
                    * (truePositives[i] + truePositives[i - 1]);
        }
        return twiceArea / (2.0 * nReal * nSynthetic);
    }

    /**
     * True detection rate at a false detection rate: the largest TPR among the curve's points
     * whose FPR is {@code <= fdr}. Points are the operating points a threshold can actually
     * reach, so this never interpolates beyond the requested false detection rate.
     *
     * @param fdr the tolerated false detection rate, in [0, 1]
     */
    public double tdrAtFdr(double fdr) {
        if (!(fdr >= 0 && fdr <= 1)) {
            throw new IllegalArgumentException("fdr must be in [0, 1], got " + fdr);
        }
        double[] fpr = fpr();
        double[] tpr = tpr();
        double best = 0;
        // Comparing the rate k/n with fdr (rather than k with fdr*n) keeps e.g. 29/100 <= 0.29
        // true; 0.29 * 100 is 28.999999999999996 in floating point.
        for (int i = 0; i < fpr.length && fpr[i] <= fdr; i++) {
            best = Math.max(best, tpr[i]);
        }
        return best;
    }
}
