package cyborg.metrics;


/**
 * Presentation-attack-detection error rates (ISO/IEC 30107-3 style) at the threshold that
 * minimises their average.
 *
 * <p>Scores are first min-max normalised to [0, 1] (all-equal scores all become 0), so the
 * threshold grid means the same for every detector. For each threshold {@code t = i * 0.025},
 * {@code i = 0..40}:
 * <ul>
 *   <li>APCER(t): fraction of Synthetic samples with normalised score {@code < t} (attacks
 *       accepted as bona fide);</li>
 *   <li>BPCER(t): fraction of Real samples with normalised score {@code >= t} (bona fide
 *       presentations rejected);</li>
 *   <li>ACER(t) = (APCER + BPCER) / 2.</li>
 * </ul>
 * The reported threshold is the one with minimal ACER; ties go to the lowest threshold.
 *
 * @param threshold the chosen threshold on the normalised scale
 * @param apcer attack presentation classification error rate at that threshold
 * @param bpcer bona fide presentation classification error rate at that threshold
 * @param acer average of the two
 */
public record PadMetrics(double threshold, double apcer, double bpcer, double acer) {

    /** Spacing of the threshold grid on the normalised score scale. */
    public static final double THRESHOLD_STEP = 0.025;

    /** Number of thresholds in the grid: 0, 0.025, ..., 1.0. */
    public static final int THRESHOLD_COUNT = 41;

    /**
     * Evaluates the threshold grid and keeps the threshold with minimal ACER.
     *
     * @throws IllegalArgumentException on malformed input or if either class is absent
     */
    public static PadMetrics of(double[] scores, int[] labels) {
        Labels.requireBothClasses(scores, labels);
        double[] normalised = minMaxNormalise(scores);
        PadMetrics best = null;
        for (int i = 0; i < THRESHOLD_COUNT; i++) {
            // i * step rather than repeated addition, which drifts (0.025 * 40 stays 1.0).
            PadMetrics candidate = at(i * THRESHOLD_STEP, normalised, labels);
            if (best == null || candidate.acer < best.acer) {
                best = candidate;
            }
        }
        return best;
    }

    private static PadMetrics at(double threshold, double[] normalised, int[] labels) {
        int attacksAccepted = 0;
        int bonaFideRejected = 0;
        int nSynthetic = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == Labels.SYNTHETIC) {
                nSynthetic++;
                if (normalised[i] < threshold) {
                    attacksAccepted++;
                }
            } else if (normalised[i] >= threshold) {
                bonaFideRejected++;
            }
        }
        double apcer = (double) attacksAccepted / nSynthetic;
        double bpcer = (double) bonaFideRejected / (labels.length - nSynthetic);
        return new PadMetrics(threshold, apcer, bpcer, (apcer + bpcer) / 2);
    }

    /** Maps the smallest score to 0 and the largest to 1; if all are equal, all map to 0. */
    static double[] minMaxNormalise(double[] scores) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        double range = max - min;
        double[] normalised = new double[scores.length];
        if (range > 0) {
            for (int i = 0; i < scores.length; i++) {
                normalised[i] = (scores[i] - min) / range;
            }
        }
        return normalised;
    }
}
