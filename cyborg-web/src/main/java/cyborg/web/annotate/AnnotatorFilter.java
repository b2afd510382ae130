package cyborg.web.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which annotators an export keeps: all but those excluded by name, (with a minimum accuracy) those
 * whose share of correct decisions is at least that, and (with a minimum gold accuracy) those whose
 * share of correct decisions on gold pairs is at least that. Annotators with no decisions (imports),
 * or no gold decisions for the gold rule, are kept: there is nothing to judge them by; {@link Result}
 * names them.
 */
public record AnnotatorFilter(Set<String> excluded, Double minAccuracy, Double minGoldAccuracy) {
    public static final AnnotatorFilter ALL = new AnnotatorFilter(Set.of(), null, null);

    public AnnotatorFilter(Set<String> excluded, Double minAccuracy) {
        this(excluded, minAccuracy, null);
    }

    public AnnotatorFilter {
        if (minGoldAccuracy != null && !(minGoldAccuracy >= 0 && minGoldAccuracy <= 1)) {
            throw new IllegalArgumentException("--min-gold-accuracy must be 0..1 (the share of an annotator's"
                    + " decisions on gold pairs that were right), got " + minGoldAccuracy);
        }
        // an accuracy is a share: above 1 drops everyone with decisions, below 0 no one, NaN no one either
        if (minAccuracy != null && !(minAccuracy >= 0 && minAccuracy <= 1)) {
            throw new IllegalArgumentException("--min-accuracy must be 0..1 (the share of an annotator's decisions"
                    + " that were right), got " + minAccuracy);
        }
    }

    /**
     * The annotations of kept annotators, the names dropped (with why), and the annotators kept only
     * because there was nothing to judge them by (no gold decisions, with a minimum gold accuracy).
     */
    public record Result(List<StoredAnnotation> kept, List<String> dropped, List<String> unjudged) {
        public Result(List<StoredAnnotation> kept, List<String> dropped) {
            this(kept, dropped, List.of());
        }
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
        List<String> unjudged = new ArrayList<>();
        if (minGoldAccuracy != null) {
            Set<String> judged = new java.util.HashSet<>();
            for (GoldScore.GoldRecord g : goldRecords(annotations)) {
                if (g.goldAccuracy() == null) {
                    continue;
                }
                judged.add(g.name());
                if (g.goldAccuracy() < minGoldAccuracy && out.add(g.name())) {
                    dropped.add(String.format(java.util.Locale.ROOT, "%s (gold accuracy %.3f < %.3f over %d gold"
                            + " decision(s))", g.name(), g.goldAccuracy(), minGoldAccuracy, g.goldDecisions()));
                }
            }
            annotations.stream().map(StoredAnnotation::annotator).distinct().sorted()
                    .filter(n -> !judged.contains(n) && !out.contains(n)).forEach(unjudged::add);
        }
        return new Result(annotations.stream().filter(a -> !out.contains(a.annotator())).toList(), dropped, unjudged);
    }

    /** Gold decisions only: no maps, so nothing here reads a file. */
    private static List<GoldScore.GoldRecord> goldRecords(List<StoredAnnotation> annotations) {
        try {
            return GoldScore.perAnnotator(annotations, ImageMaps.NONE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // without maps no mask is decoded: cannot happen
        }
    }
}
