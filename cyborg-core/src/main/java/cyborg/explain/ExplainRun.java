package cyborg.explain;

import ai.djl.ndarray.NDManager;
import cyborg.data.MapIndex;
import cyborg.data.Sample;
import cyborg.io.Json;
import cyborg.model.ComputeDevice;
import cyborg.model.SavedModel;
import cyborg.saliency.SaliencyMethod;
import cyborg.util.ProgressBar;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains and compares groups of models over one image set: every measure per model and pooled
 * per group, stability across each group's runs, written as {@code measures.json} and a
 * self-contained {@code report.html}. Given human maps, also how each model's saliency localises them.
 */
public final class ExplainRun {
    /**
     * @param groups group name to its models (run folders)
     * @param samples the images
     * @param method saliency method
     * @param curveSteps deletion/insertion steps
     * @param shift shift in pixels, or null for the reference's 16 px at 224 scaled to the input
     * @param seed seed of the noise
     * @param maps human maps folder (as {@code cyborg train --maps}), or null for no localisation measures
     * @param maskThreshold a human map marks the cells where its min-max normalised value is at least this
     * @param dataRoot the images' data root ({@code --images} or {@code --folder}): each image's noise is
     *     seeded from its path under it, as the sweep seeds it, so that the results do not depend on how
     *     the root is spelled; null seeds from the image key
     */
    public record Config(Map<String, List<Path>> groups, List<Sample> samples, SaliencyMethod method, int curveSteps,
            Integer shift, long seed, Path maps, double maskThreshold, ComputeDevice device, Path dataRoot) {
        public Config {
            // Checked here, not at the first image with a map, after the first model has loaded.
            if (!(maskThreshold >= 0 && maskThreshold <= 1)) {
                throw new IllegalArgumentException("the mask threshold must lie in [0,1], got " + maskThreshold);
            }
            if (shift != null && shift < 1) {
                // A shift of 0 is the identity: its equivariance would be a perfect 1 that measures nothing.
                throw new IllegalArgumentException("--shift must be at least 1 pixel, got " + shift);
            }
        }

        /** Without human maps. */
        public Config(Map<String, List<Path>> groups, List<Sample> samples, SaliencyMethod method, int curveSteps,
                Integer shift, long seed) {
            this(groups, samples, method, curveSteps, shift, seed, null, Localisation.DEFAULT_THRESHOLD,
                    ComputeDevice.CPU, null);
        }
    }

    private ExplainRun() {}

    /** Runs everything and returns the verdict lines. */
    public static List<String> run(Config c, Path out, PrintStream console) throws IOException {
        GroupSetup.requireUniform(c.groups());
        Map<String, Object> models = new LinkedHashMap<>();
        Map<String, Object> groups = new LinkedHashMap<>();
        Map<String, List<List<ImageMeasures>>> byGroup = new LinkedHashMap<>();
        int shift = 0;
        boolean localise = c.maps() != null;
        MapIndex.Assignment humanMaps = localise ? MapIndex.scan(c.maps()).assign(c.samples())
                : MapIndex.Assignment.none();
        if (localise && console != null) {
            long without = c.samples().stream().filter(s -> humanMaps.mapsFor(s).isEmpty()).count();
            console.printf("%d of %d images have a human map in %s; localisation leaves out the others%n",
                    c.samples().size() - without, c.samples().size(), c.maps());
        }
        for (Map.Entry<String, List<Path>> g : c.groups().entrySet()) {
            List<List<ImageMeasures>> perModel = new ArrayList<>();
            for (Path model : g.getValue()) {
                List<ImageMeasures> ms = new ArrayList<>();
                try (NDManager manager = c.device().newManager()) {
                    SavedModel sm = SavedModel.load(model, manager);
                    shift = c.shift() != null ? c.shift() : Explainer.referenceShift(sm.info().inputSize);
                    if (shift >= sm.info().inputSize) {
                        throw new IllegalArgumentException("a shift of " + shift + " px does not fit the "
                                + sm.info().inputSize + " px input of " + model + ": the shifted image would be its"
                                + " edge repeated; choose a smaller --shift");
                    }
                    Explainer e = new Explainer(sm, manager, c.method(), shift, c.curveSteps(), c.seed())
                            .withHumanMaps(humanMaps, c.maskThreshold());
                    if (c.dataRoot() != null) {
                        e.withDataRoot(c.dataRoot());
                    }
                    try (ProgressBar bar = new ProgressBar("explaining " + model, c.samples().size(), "img", console)) {
                        for (Sample s : c.samples()) {
                            ms.add(e.measure(s));
                            bar.step(1, null);
                        }
                    }
                }
                Map<String, Object> summary = MeasureSummary.of(ms, localise);
                summary.put("group", g.getKey());
                models.put(model.toString(), summary);
                perModel.add(ms);
            }
            List<ImageMeasures> pooled = new ArrayList<>();
            perModel.forEach(pooled::addAll);
            Map<String, Object> summary = MeasureSummary.of(pooled, localise);
            summary.put("models", g.getValue().stream().map(Path::toString).toList());
            if (perModel.size() > 1) {
                summary.put("stability", Stability.of(perModel));
            }
            groups.put(g.getKey(), summary);
            byGroup.put(g.getKey(), perModel);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("method", c.method().id());
        root.put("images", c.samples().size());
        root.put("shift_px", shift);
        root.put("curve_steps", c.curveSteps());
        if (localise) {
            root.put("human_maps", c.maps().toString());
            root.put("mask_threshold", c.maskThreshold());
        }
        root.put("groups", groups);
        root.put("models", models);
        List<String> verdict = Verdict.lines(groups);
        root.put("verdict", verdict);
        Json.write(out.resolve("measures.json"), root);
        HtmlReport.write(out.resolve("report.html"), root, groups, byGroup, c.samples());
        return verdict;
    }
}
