package cyborg.metrics;


import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * AUC broken down by where the images came from (e.g. "FFHQ", "StyleGAN2"), to see which
 * generators a detector misses and which real datasets it confuses with synthetic ones.
 *
 * <ul>
 *   <li>A Synthetic source g (all its samples labelled Synthetic) gets the AUC of all Real
 *       samples versus the Synthetic samples of g.</li>
 *   <li>A Real source r (all its samples labelled Real) gets the AUC of the Real samples of r
 *       versus all Synthetic samples.</li>
 * </ul>
 * A source whose comparison lacks a class is omitted from the result: a Synthetic source when
 * the set has no Real samples, a Real source when it has no Synthetic samples. A source holding
 * both classes is ambiguous under these definitions and is rejected.
 */
public final class SourceAuc {

    private SourceAuc() {
    }

    /**
     * @param scores one score per sample, higher = more likely Synthetic
     * @param labels {@link Labels#REAL} or {@link Labels#SYNTHETIC} per sample
     * @param sources the source name of every sample
     * @return AUC per source, sorted by source name
     * @throws IllegalArgumentException if the arrays differ in length, a score is NaN, a label is
     *     not 0/1, a source is null, or a source holds both Real and Synthetic samples
     */
    public static SortedMap<String, Double> compute(double[] scores, int[] labels,
                                                    String[] sources) {
        Labels.requireWellFormed(scores, labels);
        if (sources == null || sources.length != labels.length) {
            throw new IllegalArgumentException("sources must have one entry per sample: "
                    + labels.length + " samples, "
                    + (sources == null ? "null" : sources.length + " sources"));
        }
        Map<String, List<Integer>> members = groupBySource(sources);
        List<Integer> allReal = indicesWithLabel(labels, Labels.REAL);
        List<Integer> allSynthetic = indicesWithLabel(labels, Labels.SYNTHETIC);

        SortedMap<String, Double> aucs = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> source : members.entrySet()) {
            List<Integer> own = source.getValue();
            int ownSynthetic = (int) own.stream().filter(i -> labels[i] == Labels.SYNTHETIC)
                    .count();
            if (ownSynthetic != 0 && ownSynthetic != own.size()) {
                throw new IllegalArgumentException("source '" + source.getKey() + "' holds "
                        + ownSynthetic + " Synthetic and " + (own.size() - ownSynthetic)
                        + " Real samples; a source must hold one class");
            }
            boolean syntheticSource = ownSynthetic > 0;
            List<Integer> real = syntheticSource ? allReal : own;
            List<Integer> synthetic = syntheticSource ? own : allSynthetic;
            if (!real.isEmpty() && !synthetic.isEmpty()) {
                aucs.put(source.getKey(), aucOf(scores, labels, real, synthetic));
            }
        }
        return Collections.unmodifiableSortedMap(aucs);
    }

    private static Map<String, List<Integer>> groupBySource(String[] sources) {
        Map<String, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == null) {
                throw new IllegalArgumentException("source " + i + " is null");
            }
            members.computeIfAbsent(sources[i], s -> new ArrayList<>()).add(i);
        }
        return members;
    }

    private static List<Integer> indicesWithLabel(int[] labels, int label) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                indices.add(i);
            }
        }
        return indices;
    }

    private static double aucOf(double[] scores, int[] labels, List<Integer> real,
                                List<Integer> synthetic) {
        List<Integer> subset = new ArrayList<>(real);
        subset.addAll(synthetic);
        double[] subsetScores = new double[subset.size()];
        int[] subsetLabels = new int[subset.size()];
        for (int k = 0; k < subset.size(); k++) {
            subsetScores[k] = scores[subset.get(k)];
            subsetLabels[k] = labels[subset.get(k)];
        }
        return new RocCurve(subsetScores, subsetLabels).auc();
    }
}
