package cyborg.spark.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks one run of a sweep by a criterion measured without the open set's labels:
 * <ul>
 *   <li>{@code val-auc}: the highest validation AUC of the kept epoch;</li>
 *   <li>{@code stability}: the highest cross-seed consistency: the mean, over the other runs of
 *       its group (same data set, architecture and loss, other seeds), of the cross-run stability
 *       (Explain to Me's measure d: SSIM of the same image's saliency maps, or Pearson when the
 *       maps are under 7x7) between the run and that run;</li>
 *   <li>{@code entropy}: the lowest mean spatial entropy of the CAM over the open set (the
 *       sharpest focus);</li>
 *   <li>{@code blend[:val-auc=W,stability=W,entropy=W]}: the highest weighted mean of the three,
 *       each min-max scaled to [0, 1] over the candidate runs (entropy reversed, so 1 = lowest);
 *       equal weights by default.</li>
 * </ul>
 * A run lacking a value the criterion needs (stability of a run alone in its group, entropy
 * without CAMs) is not a candidate. Ties go to the earlier run in grid order.
 */
public final class ModelSelection {
    /** The measures a criterion may use. */
    public enum Measure {
        VAL_AUC("val-auc", true), STABILITY("stability", true), ENTROPY("entropy", false);

        final String id;
        final boolean higherIsBetter;

        Measure(String id, boolean higherIsBetter) {
            this.id = id;
            this.higherIsBetter = higherIsBetter;
        }

        static Measure of(String id) {
            for (Measure m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown measure '" + id + "' in a blend; use val-auc, stability or"
                    + " entropy");
        }
    }

    /** One run's selection score and the values it came from. */
    public record Ranked(String id, double score, Map<String, Double> values) {}

    /** The outcome: the chosen run (null if no run is a candidate), the full ranking, and why. */
    public record Selection(String criterion, String selected, List<Ranked> ranking, String note) {}

    private final String text;
    private final Map<Measure, Double> weights;

    private ModelSelection(String text, Map<Measure, Double> weights) {
        this.text = text;
        this.weights = weights;
    }

    /** {@code val-auc}, {@code stability}, {@code entropy}, {@code blend} or {@code blend:val-auc=0.5,...}. */
    public static ModelSelection parse(String criterion) {
        String c = criterion.trim().toLowerCase(Locale.ROOT);
        Map<Measure, Double> w = new EnumMap<>(Measure.class);
        if (c.equals("blend")) {
            for (Measure m : Measure.values()) {
                w.put(m, 1.0 / 3);
            }
            return new ModelSelection("blend:val-auc=0.333,stability=0.333,entropy=0.333", w);
        }
        if (c.startsWith("blend:")) {
            for (String part : c.substring(6).split(",")) {
                String[] kv = part.split("=");
                if (kv.length != 2) {
                    throw new IllegalArgumentException("a blend is written blend:val-auc=W,stability=W,entropy=W, not '"
                            + criterion + "'");
                }
                Measure m = Measure.of(kv[0].trim());
                double v;
                try {
                    v = Double.parseDouble(kv[1].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("the weight of " + m.id + " in '" + criterion
                            + "' is not a number");
                }
                if (!(v >= 0) || Double.isInfinite(v) || w.put(m, v) != null) {
                    throw new IllegalArgumentException("the weight of " + m.id + " in '" + criterion
                            + "' must be a finite number >= 0, given once");
                }
            }
            if (w.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                throw new IllegalArgumentException("the weights of '" + criterion + "' are all zero");
            }
            return new ModelSelection(c, w);
        }
        for (Measure m : Measure.values()) {
            if (m.id.equals(c)) {
                w.put(m, 1.0);
                return new ModelSelection(c, w);
            }
        }
        throw new IllegalArgumentException("unknown selection criterion '" + criterion + "'; choose val-auc, stability,"
                + " entropy or blend[:val-auc=W,stability=W,entropy=W]");
    }

    /** The criterion as written in reports. */
    public String criterion() {
        return text;
    }

    /**
     * Ranks {@code runs} (grid order) and picks the best.
     *
     * @param stability each run's cross-seed consistency, by id (absent or NaN: none)
     */
    public Selection select(List<RunResult> runs, Map<String, Double> stability) {
        List<Measure> used = weights.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        List<RunResult> candidates = new ArrayList<>();
        List<Map<String, Double>> values = new ArrayList<>();
        for (RunResult r : runs) {
            Map<String, Double> v = new LinkedHashMap<>();
            v.put(Measure.VAL_AUC.id, r.valAuc);
            v.put(Measure.STABILITY.id, stability.getOrDefault(r.id, Double.NaN));
            v.put(Measure.ENTROPY.id, r.camEntropy);
            if (used.stream().allMatch(m -> Double.isFinite(v.get(m.id)))) {
                candidates.add(r);
                values.add(v);
            }
        }
        if (candidates.isEmpty()) {
            String why = used.contains(Measure.STABILITY)
                    ? "no run has a cross-seed stability (it needs two or more seeds per group and explain images > 0)"
                    : "no run has the values it needs";
            return new Selection(text, null, List.of(), why);
        }
        Map<Measure, double[]> range = new EnumMap<>(Measure.class);
        for (Measure m : used) {
            double lo = values.stream().mapToDouble(v -> v.get(m.id)).min().orElseThrow();
            double hi = values.stream().mapToDouble(v -> v.get(m.id)).max().orElseThrow();
            range.put(m, new double[] {lo, hi});
        }
        double total = used.stream().mapToDouble(weights::get).sum();
        List<Ranked> ranking = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Map<String, Double> v = values.get(i);
            double score;
            if (used.size() == 1) {
                Measure m = used.get(0);
                score = m.higherIsBetter ? v.get(m.id) : -v.get(m.id);
            } else {
                score = 0;
                for (Measure m : used) {
                    double[] r = range.get(m);
                    double scaled = r[1] > r[0] ? (v.get(m.id) - r[0]) / (r[1] - r[0]) : 1;
                    score += weights.get(m) * (m.higherIsBetter ? scaled : 1 - scaled) / total;
                }
            }
            ranking.add(new Ranked(candidates.get(i).id, score, v));
        }
        List<Ranked> sorted = new ArrayList<>(ranking);
        sorted.sort(Comparator.comparingDouble(Ranked::score).reversed()); // stable: ties keep grid order
        String note = candidates.size() < runs.size()
                ? (runs.size() - candidates.size()) + " of " + runs.size() + " runs lack a value the criterion needs"
                : null;
        return new Selection(text, sorted.get(0).id(), sorted, note);
    }
}
