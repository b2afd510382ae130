package cyborg.cli;

import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.explain.ExplainRun;
import cyborg.model.SavedModel;
import cyborg.saliency.SaliencyMethod;
import cyborg.train.RunFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code cyborg explain}: the five Explain-to-Me measures over models and groups, with a report. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Explain and compare detectors through their salience, at scale.",
            "",
            "For every image and model: (a) salience entropy (scikit-image Shannon entropy of the 8-bit map,"
                + " normalised) and spatial entropy; (b) reaction to salt-and-pepper noise at 0..1 (score, and map"
                + " SSIM/Pearson against the clean map); (c) equivariance under flips, 8 edge-padded shifts and 90 degree"
                + " rotations (map of the transformed image against the transformed map); (e) salience-guided"
                + " degradation (background and object variants: score change, map SSIM) and deletion/insertion curves"
                + " with their areas. Per group of models: (d) stability across runs, the SSIM and Pearson of the same"
                + " image's maps between every pair of models. Maps are the saliency of the class predicted on the clean"
                + " image. With --maps, also how each map localises the human map (relevance mass and rank accuracy,"
                + " pointing game, AUC; images without a human map are left out and counted). Writes measures.json (per"
                + " model and group: mean, std and quantiles of each measure; mean curves) and report.html (one page,"
                + " opens offline).",
            "",
            "Examples:",
            "  cyborg explain --group ce=demo-out/runs/ce --group cyborg=demo-out/runs/cyborg \\\\",
            "                 --csv demo-out/benchmark/split.csv --images demo-out/benchmark/images --limit 200 --out explain/",
            "  cyborg explain --models runs/a runs/b --folder faces/ --method gradcampp --out explain-ab/"
        })
final class ExplainCommand implements Callable<Integer> {
    @Reads(files = {SavedModel.WEIGHTS, SavedModel.SIDECAR})
    @Option(names = "--models", arity = "1..*", paramLabel = "DIR",
            description = "Run folders of 'cyborg train' (without --group they form one group, 'all').")
    List<Path> models = new ArrayList<>();

    @Option(names = "--group", paramLabel = "NAME=DIR[,DIR...]",
            description = "A named group of models; a DIR holding run-1, run-2, ... stands for all of them.")
    List<String> groupSpecs = new ArrayList<>();

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    DeviceOptions device = new DeviceOptions();

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Option(names = "--method", defaultValue = "gradcam", paramLabel = "NAME",
            completionCandidates = Choices.SaliencyMethods.class,
            description = "Saliency method: ${COMPLETION-CANDIDATES}; gradcam is the reference's (default:"
                    + " ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--steps", defaultValue = "10", description = "Deletion/insertion steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--shift", paramLabel = "PX",
            description = "Shift in pixels (default: the reference's 16 px at 224, scaled to the input size).")
    Integer shift;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--maps", paramLabel = "DIR",
            description = "Human saliency maps, found by the image's path under the data root as for 'cyborg train"
                    + " --maps' (annotators averaged): adds the localisation measures of each image's map against them.")
    Path maps;

    @Option(names = "--mask-threshold", defaultValue = "0.5", paramLabel = "T",
            description = "With --maps: a human map marks the cells where its min-max normalised value is at least T"
                    + " (default: ${DEFAULT-VALUE}).")
    double maskThreshold;

    @Writes(files = {"measures.json", "report.html"})
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Map<String, List<Path>> groups = groups();
        SkipReport skips = data.skipReport();
        List<Sample> samples = selection.select(data, skips);
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be at least 1");
        }
        List<String> verdict = ExplainRun.run(new ExplainRun.Config(groups, samples, SaliencyMethod.of(method), steps,
                shift, seed, maps, maskThreshold, device.device, data.root()), out, System.err);
        verdict.forEach(System.out::println);
        System.out.printf("wrote %s and %s%n", out.resolve("measures.json"), out.resolve("report.html"));
        return 0;
    }

    private Map<String, List<Path>> groups() throws IOException {
        Map<String, List<Path>> g = new LinkedHashMap<>();
        for (String spec : groupSpecs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("--group takes NAME=DIR[,DIR...], got '" + spec + "'");
            }
            List<Path> dirs = new ArrayList<>();
            for (String d : spec.substring(eq + 1).split(",")) {
                dirs.addAll(RunFiles.models(Path.of(d.trim())));
            }
            g.put(spec.substring(0, eq), dirs);
        }
        if (g.isEmpty()) {
            if (models.isEmpty()) {
                throw new IllegalArgumentException("give --models DIR... or --group NAME=DIR[,DIR...]");
            }
            List<Path> dirs = new ArrayList<>();
            for (Path m : models) {
                dirs.addAll(RunFiles.models(m));
            }
            g.put("all", dirs);
        }
        return g;
    }

}
