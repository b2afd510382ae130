package cyborg.metrics;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics cyborg reports for one scored test set.
 *
 * @param auc area under the ROC curve (see {@link RocCurve#auc()})
 * @param tdrAtFdr true detection rate at each target false detection rate, sorted by target
 *     (see {@link RocCurve#tdrAtFdr(double)})
 * @param apcer APCER at the ACER-minimising threshold (see {@link PadMetrics})
 * @param bpcer BPCER at that threshold
 * @param acer the minimal ACER
 * @param acerThreshold that threshold, on the min-max normalised score scale
 * @param nReal number of Real samples
 * @param nSynthetic number of Synthetic samples
 */
public record DetectionMetrics(double auc, Map<Double, Double> tdrAtFdr, double apcer,
                               double bpcer, double acer, double acerThreshold, int nReal,
                               int nSynthetic) {

    /** Stores an unmodifiable, sorted copy of {@code tdrAtFdr}. */
    public DetectionMetrics {
        tdrAtFdr = Collections.unmodifiableSortedMap(new TreeMap<>(tdrAtFdr));
    }

    /**
     * Computes all metrics, reporting the TDR at {@link RocCurve#DEFAULT_FDR_TARGETS}.
     *
     * @throws IllegalArgumentException on malformed input or if either class is absent
     */
    public static DetectionMetrics of(double[] scores, int[] labels) {
        return of(scores, labels, RocCurve.DEFAULT_FDR_TARGETS);
    }

    /**
     * Computes all metrics, reporting the TDR at the given false detection rates.
     *
     * @throws IllegalArgumentException on malformed input, if either class is absent, or if a
     *     target is outside [0, 1]
     */
    public static DetectionMetrics of(double[] scores, int[] labels, List<Double> fdrTargets) {
        RocCurve roc = new RocCurve(scores, labels);
        Map<Double, Double> tdr = new TreeMap<>();
        for (double fdr : fdrTargets) {
            tdr.put(fdr, roc.tdrAtFdr(fdr));
        }
        PadMetrics pad = PadMetrics.of(scores, labels);
        return new DetectionMetrics(roc.auc(), tdr, pad.apcer(), pad.bpcer(), pad.acer(),
                pad.threshold(), roc.nReal(), roc.nSynthetic());
    }
}
