package cyborg.web.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which annotators an export keeps: all but those excluded by name, and (with a minimum accuracy)
 * those whose share of correct decisions is at least that. Annotators with no decisions (imports)
 * are kept: there is nothing to judge them by.
 */
public record AnnotatorFilter(Set<String> excluded, Double minAccuracy) {
    public static final AnnotatorFilter ALL = new AnnotatorFilter(Set.of(), null);

    public AnnotatorFilter {
        // an accuracy is a share: above 1 drops everyone with decisions, below 0 no one, NaN no one either
        if (minAccuracy != null && !(minAccuracy >= 0 && minAccuracy <= 1)) {
            throw new IllegalArgumentException("--min-accuracy must be 0..1 (the share of an annotator's decisions"
                    + " that were right), got " + minAccuracy);
        }
    }

    /** The annotations of kept annotators, and the names dropped (with why). */
    public record Result(List<StoredAnnotation> kept, List<String> dropped) {
    }

    public Result apply(List<StoredAnnotation> annotations) {
        List<String> dropped = new ArrayList<>();
        Set<String> out = new java.util.HashSet<>(excluded);
        excluded.forEach(name -> dropped.add(name + " (excluded)"));
        if (minAccuracy != null) {
            for (Agreement.AnnotatorRecord r : Agreement.perAnnotator(annotations)) {
                if (r.accuracy() != null && r.accuracy() < minAccuracy && out.add(r.name())) {
                    dropped.add(String.format(java.util.Locale.ROOT, "%s (accuracy %.3f < %.3f)", r.name(),
                            r.accuracy(), minAccuracy));
                }
            }
        }
        return new Result(annotations.stream().filter(a -> !out.contains(a.annotator())).toList(), dropped);
    }
}
