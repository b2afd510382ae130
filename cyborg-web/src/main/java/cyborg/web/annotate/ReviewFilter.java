package cyborg.web.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which annotations an export keeps by their newest review: by default every one not rejected
 * (accepted and unreviewed: a study need not review everything for its masks to be used); with
 * {@code acceptedOnly}, only accepted ones.
 */
public record ReviewFilter(boolean acceptedOnly) {
    public static final ReviewFilter NOT_REJECTED = new ReviewFilter(false);

    /** What was left out of one annotator's annotations, and why. */
    public record LeftOut(String annotator, int rejected, int unreviewed) {
        public int total() {
            return rejected + unreviewed;
        }
    }

    /** The annotations kept, and per annotator (by name) how many were left out. */
    public record Result(List<StoredAnnotation> kept, List<LeftOut> leftOut) {
    }

    public Result apply(List<StoredAnnotation> annotations, Map<Long, Review> reviews) {
        List<StoredAnnotation> kept = new ArrayList<>();
        Map<String, int[]> out = new TreeMap<>(); // annotator -> {rejected, unreviewed}
        for (StoredAnnotation a : annotations) {
            Review r = reviews.get(a.id());
            if (r != null && r.rejected()) {
                out.computeIfAbsent(a.annotator(), k -> new int[2])[0]++;
            } else if (r == null && acceptedOnly) {
                out.computeIfAbsent(a.annotator(), k -> new int[2])[1]++;
            } else {
                kept.add(a);
            }
        }
        List<LeftOut> leftOut = new ArrayList<>();
        out.forEach((name, n) -> leftOut.add(new LeftOut(name, n[0], n[1])));
        return new Result(kept, leftOut);
    }
}
