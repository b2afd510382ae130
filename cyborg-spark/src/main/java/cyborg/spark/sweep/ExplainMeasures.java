package cyborg.spark.sweep;

import cyborg.explain.ImageMeasures;
import cyborg.explain.Ssim;
import cyborg.explain.Stability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Explain-to-Me measures a sweep keeps per run (the means of {@code cyborg explain}'s
 * {@code measures.json} summary, see {@link cyborg.explain.MeasureSummary}) and the cross-run
 * stability of a group of runs ({@link Stability}, over the maps the runs saved).
 */
public final class ExplainMeasures {
    /** The per-run measures, in table order: key, table heading, whether higher is "more stable/focused". */
    public static final List<String[]> COLUMNS = List.of(
            new String[] {"entropy", "entropy (a)"},
            new String[] {"noise_ssim_0.10", "noise SSIM@0.10 (b)"},
            new String[] {"equivariance_ssim", "equivariance SSIM (c)"},
            new String[] {"deletion_auc", "deletion AUC (e)"},
            new String[] {"insertion_auc", "insertion AUC (e)"},
            new String[] {"object_score_change", "object-blur score change (e)"});

    /** Cross-run stability of a set of runs: the measure used (ssim or pearson), its mean and the pairs of runs. */
    public record Cohesion(String measure, double mean, int pairs) {}

    private ExplainMeasures() {}

    /** The means of the summary's measures, flat. */
    @SuppressWarnings("unchecked")
    static Map<String, Double> flat(Map<String, Object> s) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("entropy", mean(s.get("entropy")));
        m.put("spatial_entropy", mean(s.get("spatial_entropy")));
        Map<String, Object> noise = (Map<String, Object>) s.get("noise");
        m.put("noise_ssim_0.10", mean(noise.get("ssim_at_0.10")));
        m.put("noise_pearson_0.10", mean(noise.get("pearson_at_0.10")));
        Map<String, Object> eq = (Map<String, Object>) s.get("equivariance");
        m.put("equivariance_ssim", mean(eq.get("ssim")));
        m.put("equivariance_pearson", mean(eq.get("pearson")));
        Map<String, Object> deg = (Map<String, Object>) s.get("degradation");
        m.put("background_score_change", mean(deg.get("background_score_change")));
        m.put("object_score_change", mean(deg.get("object_score_change")));
        m.put("deletion_auc", mean(s.get("deletion_auc")));
        m.put("insertion_auc", mean(s.get("insertion_auc")));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static double mean(Object stats) {
        Object v = stats instanceof Map<?, ?> map ? ((Map<String, Object>) map).get("mean") : null;
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /**
     * Cross-run stability of runs' saved maps (Explain to Me's measure d): SSIM between the maps of
     * the same image for every pair of runs, or Pearson when the maps are under SSIM's 7x7 window.
     *
     * @return the measure, or null with fewer
     *     than two runs with maps of the same images
     */
    static Cohesion stability(List<RunResult> runs) {
        List<RunResult> with = runs.stream().filter(r -> r.maps != null && r.maps.values != null).toList();
        if (with.size() < 2) {
            return null;
        }
        RunResult first = with.get(0);
        for (RunResult r : with) {
            if (!r.maps.images.equals(first.maps.images) || r.maps.width != first.maps.width
                    || r.maps.height != first.maps.height) {
                return null;
            }
        }
        List<List<ImageMeasures>> perModel = new ArrayList<>();
        for (RunResult r : with) {
            List<ImageMeasures> ms = new ArrayList<>();
            for (int[] map : r.maps.values) {
                ImageMeasures m = new ImageMeasures();
                m.featureMap = map;
                m.featureWidth = r.maps.width;
                m.featureHeight = r.maps.height;
                ms.add(m);
            }
            perModel.add(ms);
        }
        Map<String, Object> s = Stability.of(perModel);
        boolean ssim = first.maps.width >= Ssim.WINDOW && first.maps.height >= Ssim.WINDOW;
        return new Cohesion(ssim ? "ssim" : "pearson", mean(s.get(ssim ? "ssim" : "pearson")),
                ((Number) s.get("pairs")).intValue());
    }
}
