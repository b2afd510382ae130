package cyborg.explain;

import cyborg.data.Sample;
import cyborg.image.ImageFiles;
import cyborg.image.MapImages;
import cyborg.image.Resampler;
import cyborg.image.RgbImage;
import cyborg.io.AtomicFiles;
import cyborg.chart.LineFigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The explain report: one HTML page that opens offline (plots inline as SVG, example maps inline
 * as PNG), with a table per measure comparing groups and models, curves and example maps.
 */
final class HtmlReport {
    private static final int EXAMPLES = 6;
    private static final int TILE = 96;

    private HtmlReport() {}

    @SuppressWarnings("unchecked")
    static void write(Path file, Map<String, Object> root, Map<String, Object> groups,
            Map<String, List<List<ImageMeasures>>> byGroup, List<Sample> samples) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>cyborg explain</title><style>")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
                .append("th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
                .append(".plots{display:flex;flex-wrap:wrap;gap:12px}.ex img{margin:2px}</style></head><body>");
        h.append("<h1>Salience-based explanation</h1>");
        h.append(String.format(Locale.ROOT, "<p>Method <b>%s</b>; %s images; shifts of %s px; %s deletion/insertion steps.</p>",
                root.get("method"), root.get("images"), root.get("shift_px"), root.get("curve_steps")));
        h.append("<h2>Verdict</h2><ul>");
        for (String line : (List<String>) root.get("verdict")) {
            h.append("<li>").append(escape(line)).append("</li>");
        }
        h.append("</ul>");
        Map<String, Object> models = (Map<String, Object>) root.get("models");
        h.append("<h2>Groups</h2>").append(table(groups, MEASURES)).append(MEAN_STD);
        h.append("<h2>Models</h2>").append(table(models, MEASURES)).append(MEAN_STD);
        if (root.containsKey("human_maps")) {
            h.append("<h2>Localisation against human maps</h2>").append(String.format(Locale.ROOT,
                    "<p>The clean image's map at feature resolution against the averaged human map from %s, resized"
                    + " to it and marked where its min-max normalised value is at least %s. Relevance mass accuracy:"
                    + " share of the (positive) saliency inside the marked region; relevance rank accuracy: share of"
                    + " the K most salient cells inside it, K its size; pointing game: whether the most salient cell"
                    + " is inside; AUC: saliency as a classifier of marked cells (0.5 is chance). Images without a"
                    + " human map are left out and counted.</p>", escape(String.valueOf(root.get("human_maps"))),
                    root.get("mask_threshold")));
            h.append(table(groups, LOCALISATION)).append(table(models, LOCALISATION)).append(MEAN_STD);
        }
        h.append("<h2>Curves</h2><div class=\"plots\">");
        double[] amounts = SaltPepper.REFERENCE_AMOUNTS;
        h.append(curve("Score under salt-and-pepper noise", "amount", "score", amounts, groups, "noise", "score"));
        h.append(curve("Map SSIM to the clean map under noise", "amount", "SSIM", amounts, groups, "noise", "ssim"));
        double[] steps = steps(groups);
        h.append(curve("Deletion (lower area = better map)", "fraction deleted", "probability", steps, groups, null,
                "deletion_curve"));
        h.append(curve("Insertion (higher area = better map)", "fraction inserted", "probability", steps, groups, null,
                "insertion_curve"));
        h.append(entropyDistribution(byGroup));
        h.append("</div>");
        h.append("<h2>Example maps (first model of each group)</h2>").append(examples(byGroup, samples));
        h.append("</body></html>\n");
        AtomicFiles.writeString(file, h.toString());
    }

    /** Columns of the measure tables: key path in a summary, heading. */
    private static final String[][] MEASURES = {
        {"entropy", "salience entropy"}, {"spatial_entropy", "spatial entropy"},
        {"stability.ssim", "cross-run SSIM"}, {"stability.pearson", "cross-run Pearson"},
        {"noise.ssim_at_0.10", "map SSIM, noise 0.10"}, {"equivariance.ssim", "equivariance SSIM"},
        {"equivariance.pearson", "equivariance Pearson"},
        {"degradation.background_score_change", "score change, background blurred"},
        {"degradation.object_score_change", "score change, object blurred"},
        {"deletion_auc", "deletion AUC"}, {"insertion_auc", "insertion AUC"}};
    private static final String[][] LOCALISATION = {
        {"localisation.images", "with human map"}, {"localisation.without_human_map", "without"},
        {"localisation.mass_accuracy", "relevance mass accuracy"},
        {"localisation.rank_accuracy", "relevance rank accuracy"},
        {"localisation.pointing_game", "pointing game"}, {"localisation.auc", "AUC"}};
    private static final String MEAN_STD = "<p>mean ± std (population) over images (and image pairs for stability);"
            + " measures.json also holds quantiles.</p>";

    @SuppressWarnings("unchecked")
    private static String table(Map<String, Object> rows, String[][] cols) {
        StringBuilder t = new StringBuilder("<table><tr><th></th><th>images</th>");
        for (String[] c : cols) {
            t.append("<th>").append(c[1]).append("</th>");
        }
        t.append("</tr>");
        for (Map.Entry<String, Object> r : rows.entrySet()) {
            Map<String, Object> m = (Map<String, Object>) r.getValue();
            t.append("<tr><td>").append(escape(r.getKey())).append("</td><td>").append(m.get("images")).append("</td>");
            for (String[] c : cols) {
                Object s = lookup(m, c[0]);
                t.append("<td>").append(s == null ? "-" : s instanceof Number n ? n.toString() : meanStd(s))
                        .append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</table>").toString();
    }

    @SuppressWarnings("unchecked")
    private static Object lookup(Map<String, Object> m, String path) {
        Object cur = m;
        for (String part : path.split("\\.(?![0-9])")) {
            if (!(cur instanceof Map)) {
                return null;
            }
            cur = ((Map<String, Object>) cur).get(part);
        }
        return cur;
    }

    private static String meanStd(Object stats) {
        double mean = Verdict.mean(stats);
        Object std = stats instanceof Map<?, ?> m ? m.get("std") : null;
        if (!Double.isFinite(mean)) {
            return "n/a";
        }
        return std instanceof Number n ? String.format(Locale.ROOT, "%.3f ± %.3f", mean, n.doubleValue())
                : String.format(Locale.ROOT, "%.3f", mean);
    }

    @SuppressWarnings("unchecked")
    private static double[] steps(Map<String, Object> groups) {
        Map<String, Object> any = (Map<String, Object>) groups.values().iterator().next();
        int n = ((double[]) any.get("deletion_curve")).length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (double) i / (n - 1);
        }
        return x;
    }

    @SuppressWarnings("unchecked")
    private static String curve(String title, String xl, String yl, double[] xs, Map<String, Object> groups, String section,
            String key) {
        LineFigure.Builder b = LineFigure.builder().title(title).xLabel(xl).yLabel(yl);
        for (Map.Entry<String, Object> g : groups.entrySet()) {
            Map<String, Object> m = (Map<String, Object>) g.getValue();
            Object ys = section == null ? m.get(key) : ((Map<String, Object>) m.get(section)).get(key);
            b.series(g.getKey(), xs, (double[]) ys);
        }
        return svg(b.build(), key);
    }

    private static String entropyDistribution(Map<String, List<List<ImageMeasures>>> byGroup) {
        int bins = 20;
        double[] xs = new double[bins];
        for (int i = 0; i < bins; i++) {
            xs[i] = (i + 0.5) / bins;
        }
        LineFigure.Builder b = LineFigure.builder().title("Distribution of salience entropy").xLabel("normalised entropy")
                .yLabel("share of images");
        for (Map.Entry<String, List<List<ImageMeasures>>> g : byGroup.entrySet()) {
            double[] hist = new double[bins];
            int n = 0;
            for (List<ImageMeasures> model : g.getValue()) {
                for (ImageMeasures m : model) {
                    hist[Math.min(bins - 1, Math.max(0, (int) (m.entropy * bins)))]++;
                    n++;
                }
            }
            for (int i = 0; i < bins; i++) {
                hist[i] /= n;
            }
            b.series(g.getKey(), xs, hist);
        }
        return svg(b.build(), "entropy");
    }

    /** Inline SVG of 520 x 360; {@code id} keeps its internal ids apart from the other figures' on the page. */
    private static String svg(LineFigure figure, String id) {
        return "<div>" + figure.svgElement(520, 360, id) + "</div>";
    }

    private static String examples(Map<String, List<List<ImageMeasures>>> byGroup, List<Sample> samples) throws IOException {
        StringBuilder e = new StringBuilder("<table class=\"ex\"><tr><th></th>");
        int n = Math.min(EXAMPLES, samples.size());
        for (int i = 0; i < n; i++) {
            e.append("<th>").append(escape(samples.get(i).source())).append("</th>");
        }
        e.append("</tr>");
        for (Map.Entry<String, List<List<ImageMeasures>>> g : byGroup.entrySet()) {
            e.append("<tr><td>").append(escape(g.getKey())).append("</td>");
            List<ImageMeasures> first = g.getValue().get(0);
            for (int i = 0; i < n; i++) {
                ImageMeasures m = first.get(i);
                RgbImage img = Resampler.resize(ImageFiles.readRgb(samples.get(i).image()), TILE, TILE);
                float[] map = new float[m.featureMap.length];
                for (int k = 0; k < map.length; k++) {
                    map[k] = m.featureMap[k] / 255f;
                }
                e.append("<td><img src=\"data:image/png;base64,")
                        .append(png(MapImages.overlay(img, map, m.featureWidth, m.featureHeight)))
                        .append(String.format(Locale.ROOT, "\" title=\"score %.3f\"></td>", m.score));
            }
            e.append("</tr>");
        }
        return e.append("</table>").toString();
    }

    private static String png(RgbImage img) throws IOException {
        // Encoded in memory: a temporary file in the system's temp folder was a second, unchecked output.
        return Base64.getEncoder().encodeToString(ImageFiles.encodePng(img));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
