package cyborg.eval;

import cyborg.metrics.DetectionMetrics;
import cyborg.metrics.MeanStd;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Mean ± standard deviation of every {@link DetectionMetrics} field over repeated runs (e.g.
 * training seeds), optionally with per-source AUCs from {@link SourceAuc}.
 *
 * <p>Standard deviations are population ones (ddof = 0, numpy's default); see {@link MeanStd}.
 * For the map-valued metrics only keys present in every run are summarised, so each entry is
 * averaged over all runs.
 *
 * @param auc summary of {@link DetectionMetrics#auc()}
 * @param tdrAtFdr summary of the TDR per target FDR, sorted by target
 * @param apcer summary of {@link DetectionMetrics#apcer()}
 * @param bpcer summary of {@link DetectionMetrics#bpcer()}
 * @param acer summary of {@link DetectionMetrics#acer()}
 * @param acerThreshold summary of {@link DetectionMetrics#acerThreshold()}
 * @param nReal summary of {@link DetectionMetrics#nReal()}
 * @param nSynthetic summary of {@link DetectionMetrics#nSynthetic()}
 * @param sourceAuc summary of the per-source AUC, sorted by source; empty if not given
 */
public record RunSummary(MeanStd auc, SortedMap<Double, MeanStd> tdrAtFdr, MeanStd apcer,
                         MeanStd bpcer, MeanStd acer, MeanStd acerThreshold, MeanStd nReal,
                         MeanStd nSynthetic, SortedMap<String, MeanStd> sourceAuc) {

    /** Stores unmodifiable, sorted copies of the maps. */
    public RunSummary {
        tdrAtFdr = Collections.unmodifiableSortedMap(new TreeMap<>(tdrAtFdr));
        sourceAuc = Collections.unmodifiableSortedMap(new TreeMap<>(sourceAuc));
    }

    /**
     * Summarises runs without per-source AUCs.
     *
     * @throws IllegalArgumentException if {@code runs} is empty
     */
    public static RunSummary of(List<DetectionMetrics> runs) {
        return of(runs, Collections.nCopies(runs.size(), Map.of()));
    }

    /**
     * Summarises runs together with each run's per-source AUCs.
     *
     * @param runs the metrics of each run
     * @param sourceAucPerRun the {@link SourceAuc#compute} result of each run, in the same order
     * @throws IllegalArgumentException if {@code runs} is empty or the lists differ in length
     */
    public static RunSummary of(List<DetectionMetrics> runs,
                                List<? extends Map<String, Double>> sourceAucPerRun) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("cannot summarise zero runs");
        }
        if (sourceAucPerRun.size() != runs.size()) {
            throw new IllegalArgumentException("got " + runs.size() + " runs but "
                    + sourceAucPerRun.size() + " per-source AUC maps");
        }
        return new RunSummary(
                field(runs, DetectionMetrics::auc),
                keysInAllRuns(runs.stream().map(DetectionMetrics::tdrAtFdr).toList()),
                field(runs, DetectionMetrics::apcer),
                field(runs, DetectionMetrics::bpcer),
                field(runs, DetectionMetrics::acer),
                field(runs, DetectionMetrics::acerThreshold),
                field(runs, DetectionMetrics::nReal),
                field(runs, DetectionMetrics::nSynthetic),
                keysInAllRuns(sourceAucPerRun));
    }

    private static MeanStd field(List<DetectionMetrics> runs,
                                 ToDoubleFunction<DetectionMetrics> metric) {
        return MeanStd.of(runs.stream().mapToDouble(metric).toArray());
    }

    private static <K extends Comparable<K>> SortedMap<K, MeanStd> keysInAllRuns(
            List<? extends Map<K, Double>> perRun) {
        SortedMap<K, MeanStd> summary = new TreeMap<>();
        for (K key : perRun.get(0).keySet()) {
            if (perRun.stream().allMatch(run -> run.containsKey(key))) {
                summary.put(key, MeanStd.of(perRun.stream().mapToDouble(run -> run.get(key))
                        .toArray()));
            }
        }
        return summary;
    }
}
