package cyborg.web.annotate;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A study in numbers, per annotator and over everyone: what was saved (work, gold, imported), skipped
 * and rejected, how long an annotation took, how many an hour, and how often the decision was right.
 * {@code annotate report} and the overview both show these, computed here only.
 *
 * <p>Definitions, which the report states:
 * <ul>
 * <li>time per annotation: {@code ms_decide} (shown to decided), {@code ms_paint} (painting) and their
 *     sum, over the annotations that recorded them (imports record neither);</li>
 * <li>median and quartiles: linear interpolation between order statistics (R's type 7, numpy's
 *     default);</li>
 * <li>throughput per active hour: timed annotations divided by the sum of their decide and paint
 *     times, so pauses between tasks do not count; per span hour: saves after the first divided
 *     by the hours from the first save to the last, pauses included;</li>
 * <li>accuracy: correct decisions of work tasks; gold accuracy: of gold tasks (unsure not counted);</li>
 * <li>rejected share: of the reviewed annotations, those whose newest review rejects them.</li>
 * </ul>
 */
public final class StudyStats {
    private static final double MS_PER_HOUR = 3_600_000.0;

    /** The name of the group of every annotator. */
    public static final String EVERYONE = "(all)";

    /** Median, quartiles and range of {@code n} values; null values when {@code n} is 0. */
    public record Spread(int n, Double median, Double q1, Double q3, Double min, Double max) {
        static Spread of(List<Long> values) {
            if (values.isEmpty()) {
                return new Spread(0, null, null, null, null, null);
            }
            double[] v = values.stream().mapToDouble(Long::doubleValue).sorted().toArray();
            return new Spread(v.length, quantile(v, 0.5), quantile(v, 0.25), quantile(v, 0.75), v[0],
                    v[v.length - 1]);
        }
    }

    /** How long annotations took, in milliseconds. */
    public record Times(Spread decideMs, Spread paintMs, Spread totalMs) {
    }

    /**
     * Annotations an hour, two ways.
     *
     * @param timed annotations with both times recorded
     * @param activeHours the sum of their decide and paint times, in hours
     * @param perActiveHour timed / activeHours; null without active time
     * @param saves annotations saved through the page (work and gold), whose save times span the work
     * @param first the first of those saves, {@code last} the last (ISO-8601)
     * @param perSpanHour (saves - 1) / hours from first to last save; null with fewer than two saves
     */
    public record Throughput(int timed, double activeHours, Double perActiveHour, int saves, String first, String last,
            Double spanHours, Double perSpanHour) {
    }

    /** {@code count} of {@code of}, and their share (null when {@code of} is 0). */
    public record Share(int of, int count, Double share) {
        static Share of(int of, int count) {
            return new Share(of, count, of == 0 ? null : (double) count / of);
        }
    }

    /**
     * One annotator's numbers, or everyone's ({@link #EVERYONE}).
     *
     * @param accuracy decisions and correct ones on work tasks
     * @param goldAccuracy the same on gold tasks
     * @param rejected reviewed annotations and rejected ones
     */
    public record Group(String annotator, int annotations, int work, int gold, int imported, int skips,
            Share accuracy, Share goldAccuracy, Share rejected, Times times, Throughput throughput) {
    }

    /** Everyone's numbers, then each annotator's by name. */
    public record Study(int annotators, Group overall, List<Group> perAnnotator) {
    }

    private StudyStats() {
    }

    /** The study in {@code store}. */
    public static Study of(AnnotationStore store) throws IOException {
        return of(store.annotations(), store.skips(), store.reviews());
    }

    /**
     * The study made of these annotations, skips and reviews (by annotation id, the newest of each).
     * Annotators are everyone who saved or skipped something.
     */
    public static Study of(List<StoredAnnotation> annotations, List<Skip> skips, Map<Long, Review> reviews) {
        Map<String, List<StoredAnnotation>> byAnnotator = new TreeMap<>();
        Map<String, List<Skip>> skipsBy = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>();
        annotations.forEach(a -> byAnnotator.computeIfAbsent(a.annotator(), k -> new ArrayList<>()).add(a));
        skips.forEach(s -> skipsBy.computeIfAbsent(s.annotator(), k -> new ArrayList<>()).add(s));
        names.addAll(byAnnotator.keySet());
        names.addAll(skipsBy.keySet());
        List<Group> per = new ArrayList<>();
        for (String name : names) {
            per.add(group(name, byAnnotator.getOrDefault(name, List.of()), skipsBy.getOrDefault(name, List.of()).size(),
                    reviews));
        }
        return new Study(names.size(), group(EVERYONE, annotations, skips.size(), reviews), per);
    }

    /**
     * The annotations whose newest review does not reject them (accepted and unreviewed): what
     * agreement and mean masks are computed over.
     */
    public static List<StoredAnnotation> withoutRejected(List<StoredAnnotation> annotations, Map<Long, Review> reviews) {
        return ReviewFilter.NOT_REJECTED.apply(annotations, reviews).kept(); // export's rule
    }

    private static Group group(String name, Collection<StoredAnnotation> annotations, int skips,
            Map<Long, Review> reviews) {
        int work = 0;
        int gold = 0;
        int imported = 0;
        int decisions = 0;
        int correct = 0;
        int goldDecisions = 0;
        int goldCorrect = 0;
        int reviewed = 0;
        int rejected = 0;
        List<Long> decide = new ArrayList<>();
        List<Long> paint = new ArrayList<>();
        List<Long> total = new ArrayList<>();
        List<Instant> saved = new ArrayList<>();
        for (StoredAnnotation a : annotations) {
            if (a.gold()) {
                gold++;
            } else if (StoredAnnotation.IMPORT.equals(a.kind())) {
                imported++;
            } else {
                work++;
            }
            if (a.goldDecision()) {
                goldDecisions++;
                goldCorrect += a.correct() ? 1 : 0;
            } else if (a.workDecision()) {
                decisions++;
                correct += a.correct() ? 1 : 0;
            }
            Review r = reviews.get(a.id());
            if (r != null) {
                reviewed++;
                rejected += r.rejected() ? 1 : 0;
            }
            if (a.msDecide() != null) {
                decide.add(a.msDecide());
            }
            if (a.msPaint() != null) {
                paint.add(a.msPaint());
            }
            if (a.msDecide() != null && a.msPaint() != null) {
                total.add(a.msDecide() + a.msPaint());
            }
            if (a.task() != null) { // an import's time is when it was imported, not when it was made
                saved.add(instant(a));
            }
        }
        return new Group(name, annotations.size(), work, gold, imported, skips, Share.of(decisions, correct),
                Share.of(goldDecisions, goldCorrect), Share.of(reviewed, rejected),
                new Times(Spread.of(decide), Spread.of(paint), Spread.of(total)), throughput(total, saved));
    }

    private static Throughput throughput(List<Long> totals, List<Instant> saved) {
        long ms = totals.stream().mapToLong(Long::longValue).sum();
        double activeHours = ms / MS_PER_HOUR;
        Double perActive = ms == 0 ? null : totals.size() / activeHours;
        if (saved.isEmpty()) {
            return new Throughput(totals.size(), activeHours, perActive, 0, null, null, null, null);
        }
        Instant first = saved.stream().min(Instant::compareTo).orElseThrow();
        Instant last = saved.stream().max(Instant::compareTo).orElseThrow();
        double spanHours = Duration.between(first, last).toMillis() / MS_PER_HOUR;
        // n saves enclose n - 1 intervals: the first task's own time lies before the span
        Double perSpan = saved.size() < 2 || spanHours == 0 ? null : (saved.size() - 1) / spanHours;
        return new Throughput(totals.size(), activeHours, perActive, saved.size(), first.toString(), last.toString(),
                spanHours, perSpan);
    }

    private static Instant instant(StoredAnnotation a) {
        try {
            return Instant.parse(a.created());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalStateException("annotation " + a.id() + ": its save time '" + a.created()
                    + "' is not an ISO-8601 instant", e);
        }
    }

    /** The {@code p} quantile of sorted values, interpolating linearly between order statistics (type 7). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
