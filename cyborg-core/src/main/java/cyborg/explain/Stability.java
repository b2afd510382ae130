package cyborg.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stability across independent training runs: for each image, the SSIM (scikit-image defaults,
 * 8-bit) and Pearson correlation between the feature-size maps of every pair of models (45 pairs
 * for 10 models). SSIM needs maps of at least 7x7; smaller ones count as NaN there.
 */
public final class Stability {
    private Stability() {}

    /** @param perModel each model's measures of the same images, in the same order */
    public static Map<String, Object> of(List<List<ImageMeasures>> perModel) {
        List<Double> ssim = new ArrayList<>();
        List<Double> pearson = new ArrayList<>();
        int images = perModel.get(0).size();
        for (int i = 0; i < images; i++) {
            for (int a = 0; a < perModel.size(); a++) {
                for (int b = a + 1; b < perModel.size(); b++) {
                    ImageMeasures x = perModel.get(a).get(i);
                    ImageMeasures y = perModel.get(b).get(i);
                    boolean fits = x.featureWidth >= Ssim.WINDOW && x.featureHeight >= Ssim.WINDOW;
                    ssim.add(fits ? Ssim.of(x.featureMap, y.featureMap, x.featureWidth, x.featureHeight) : Double.NaN);
                    pearson.add(Pearson.of(x.featureMap, y.featureMap));
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pairs", perModel.size() * (perModel.size() - 1) / 2);
        m.put("ssim", Stats.of(ssim.stream().mapToDouble(Double::doubleValue).toArray()));
        m.put("pearson", Stats.of(pearson.stream().mapToDouble(Double::doubleValue).toArray()));
        return m;
    }
}
