package cyborg.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Summarises the per-image measures of a model (or of a pooled group) for {@code measures.json}. */
public final class MeasureSummary {
    private MeasureSummary() {}

    /** @param localisation whether human maps were given, so the localisation measures belong in the summary */
    public static Map<String, Object> of(List<ImageMeasures> ms, boolean localisation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("images", ms.size());
        m.put("score", stats(ms, x -> x.score));
        m.put("entropy", stats(ms, x -> x.entropy));
        m.put("spatial_entropy", stats(ms, x -> x.spatialEntropy));
        Map<String, Object> noise = new LinkedHashMap<>();
        noise.put("amounts", SaltPepper.REFERENCE_AMOUNTS);
        noise.put("score", Stats.meanCurve(ms.stream().map(x -> x.noiseScore).toList()));
        noise.put("ssim", Stats.meanCurve(ms.stream().map(x -> x.noiseSsim).toList()));
        noise.put("pearson", Stats.meanCurve(ms.stream().map(x -> x.noisePearson).toList()));
        noise.put("ssim_at_0.10", stats(ms, x -> x.noiseSsim[3]));
        noise.put("pearson_at_0.10", stats(ms, x -> x.noisePearson[3]));
        m.put("noise", noise);
        Map<String, Object> eq = new LinkedHashMap<>();
        eq.put("ssim", Stats.of(pooled(ms, x -> x.equivarianceSsim)));
        eq.put("pearson", Stats.of(pooled(ms, x -> x.equivariancePearson)));
        Map<String, Double> per = new LinkedHashMap<>();
        for (String t : ms.get(0).equivarianceSsim.keySet()) {
            per.put(t, ms.stream().mapToDouble(x -> x.equivarianceSsim.get(t)).filter(Double::isFinite).average()
                    .orElse(Double.NaN));
        }
        eq.put("ssim_per_transform", per);
        m.put("equivariance", eq);
        Map<String, Object> deg = new LinkedHashMap<>();
        deg.put("background_score_change", stats(ms, x -> x.backgroundScoreChange));
        deg.put("background_ssim", stats(ms, x -> x.backgroundSsim));
        deg.put("background_pearson", stats(ms, x -> x.backgroundPearson));
        deg.put("object_score_change", stats(ms, x -> x.objectScoreChange));
        deg.put("object_ssim", stats(ms, x -> x.objectSsim));
        deg.put("object_pearson", stats(ms, x -> x.objectPearson));
        m.put("degradation", deg);
        m.put("deletion_auc", stats(ms, x -> x.deletionAuc));
        m.put("insertion_auc", stats(ms, x -> x.insertionAuc));
        m.put("deletion_curve", Stats.meanCurve(ms.stream().map(x -> x.deletion).toList()));
        m.put("insertion_curve", Stats.meanCurve(ms.stream().map(x -> x.insertion).toList()));
        if (localisation) {
            m.put("localisation", localisation(ms));
        }
        return m;
    }

    /** Over the images that have a human map; the others are counted, not scored. */
    private static Map<String, Object> localisation(List<ImageMeasures> ms) {
        List<ImageMeasures> with = ms.stream().filter(x -> x.localisation != null).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("images", with.size());
        m.put("without_human_map", ms.size() - with.size());
        m.put("mass_accuracy", stats(with, x -> x.localisation.massAccuracy()));
        m.put("rank_accuracy", stats(with, x -> x.localisation.rankAccuracy()));
        m.put("pointing_game", stats(with, x -> x.localisation.pointingGame()));
        m.put("auc", stats(with, x -> x.localisation.auc()));
        return m;
    }

    static Map<String, Object> stats(List<ImageMeasures> ms, ToDoubleFunction<ImageMeasures> f) {
        return Stats.of(ms.stream().mapToDouble(f).toArray());
    }

    private static double[] pooled(List<ImageMeasures> ms, java.util.function.Function<ImageMeasures, Map<String, Double>> f) {
        List<Double> all = new ArrayList<>();
        ms.forEach(x -> all.addAll(f.apply(x).values()));
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
