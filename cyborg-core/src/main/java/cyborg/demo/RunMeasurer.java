package cyborg.demo;

import cyborg.data.Sample;
import cyborg.data.SampleLoader;
import cyborg.data.SkipReport;
import cyborg.eval.LabelIndex;
import cyborg.eval.OpenSet;
import cyborg.eval.RunMetrics;
import cyborg.explain.Localisation;
import cyborg.explain.ShortcutReliance;
import cyborg.model.ComputeDevice;
import cyborg.model.LoadedModel;
import cyborg.saliency.InputGradients;
import cyborg.score.Scorer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures one trained model on the benchmark: open-set AUC with the shortcut uncorrelated and
 * reversed, over every family and over the shared-mechanism ones, on the unseen styles, its
 * validation AUC, reliance on the shortcut (the score change when only the mark is added), and where
 * its CAM lies relative to the human maps. Writes the score files into the run folder.
 */
final class RunMeasurer {
    private static final int BATCH = 64;
    private static final int EXAMPLES_PER_SOURCE = 1;
    /**
     * The average input gradient is a figure, and a third of the open set (every third image, so
     * every source keeps its share) draws it alike at a third of the cost: a backward pass per
     * image made it the costliest of the demo's measurements.
     */
    private static final int INPUT_GRADIENT_STRIDE = 3;

    private final BenchmarkData data;
    private final PrintStream console;
    private final ComputeDevice device;

    RunMeasurer(BenchmarkData data, PrintStream console, ComputeDevice device) {
        this.data = data;
        this.console = console;
        this.device = device;
    }

    SeedOutcome measure(Path runDir, long seed) throws IOException {
        try (Scorer scorer = new Scorer(LoadedModel.open(runDir, device))) {
            int[] camSize = scorer.model().info().camSize;
            SampleLoader mapLoader = new SampleLoader(scorer.model().preprocessing(), camSize[0], camSize[1],
                    data.assignedMaps(), false);
            // every open-set row of split.csv and split-reversed.csv is one of the probe images, so
            // one pass over the probes gives the scores of all three and the CAMs of the open set
            List<Scorer.ScoredCam> marked = scorer.cams(data.marked(), BATCH, console);
            List<Scorer.ScoredCam> unmarked = scorer.cams(data.unmarked(), BATCH, console);
            Map<String, Scorer.ScoredCam> probes = new HashMap<>();
            marked.forEach(c -> probes.put(c.sample().key(), c));
            unmarked.forEach(c -> probes.put(c.sample().key(), c));
            OpenSet openSet = OpenSet.of(lookUp(data.test(), probes), runDir.resolve("scores.csv"), data.testLabels());
            List<Scorer.ScoredCam> testCams = openSet.cams();
            RunMetrics reversed = OpenSet.of(lookUp(data.reversed(), probes), runDir.resolve("scores-reversed.csv"),
                    data.reversedLabels()).metrics();
            RunMetrics shared = sharedMetrics(lookUp(data.test(), probes), runDir.resolve("scores-shared.csv"));
            RunMetrics sharedReversed = sharedMetrics(lookUp(data.reversed(), probes),
                    runDir.resolve("scores-shared-reversed.csv"));
            // the unseen styles are not among the probes: they are scored on their own
            RunMetrics unseenStyles = data.styles() == null ? null : sharedMetrics(
                    scorer.cams(data.families().sharedRows(data.styles()), BATCH, console),
                    runDir.resolve("scores-styles.csv"));
            ShortcutReliance reliance = ShortcutReliance.of(values(marked), values(unmarked));
            double[] localisation = localisation(testCams, mapLoader);
            List<Scorer.ScoredCam> valCams = scorer.cams(data.val(), BATCH, console);
            return new SeedOutcome(seed, openSet.metrics(), reversed, shared, sharedReversed, unseenStyles,
                    valAuc(scorer, runDir), reliance, CamStats.mapMse(valCams, mapLoader),
                    openSet.camEntropy(), localisation[0], localisation[1], camSize, CamStats.average(testCams),
                    averageInputGradient(scorer, everyNth(data.test(), INPUT_GRADIENT_STRIDE)), examples(testCams));
        }
    }

    /**
     * Writes and evaluates the scores of the images the headline pools (authentic images and the
     * families whose mechanism training shows) among {@code cams}.
     */
    private RunMetrics sharedMetrics(List<Scorer.ScoredCam> cams, Path scoreFile) throws IOException {
        java.util.Set<String> keep = data.families().sharedRows(cams.stream().map(Scorer.ScoredCam::sample).toList())
                .stream().map(Sample::key).collect(java.util.stream.Collectors.toSet());
        List<Scorer.ScoredCam> kept = cams.stream().filter(c -> keep.contains(c.sample().key())).toList();
        return OpenSet.of(kept, scoreFile, LabelIndex.fromSamples(kept.stream().map(Scorer.ScoredCam::sample).toList()))
                .metrics();
    }

    /**
     * The validation AUC the trainer recorded for the kept model in its {@code model.json}: on the
     * validation rows of the method's own split, at the epoch the run selected.
     */
    private static double valAuc(Scorer scorer, Path runDir) throws IOException {
        Map<String, Double> metrics = scorer.model().info().metrics;
        Double auc = metrics == null ? null : metrics.get("val_auc");
        if (auc == null) {
            throw new IOException(runDir.resolve(cyborg.model.SavedModel.SIDECAR) + ": no metrics.val_auc; retrain the run (delete "
                    + runDir + ")");
        }
        return auc;
    }

    private static List<Scorer.ScoredCam> lookUp(List<Sample> samples, Map<String, Scorer.ScoredCam> probes) {
        return samples.stream().map(s -> {
            Scorer.ScoredCam c = probes.get(s.key());
            if (c == null) {
                throw new IllegalStateException(s.key() + " is in the open set but in neither probe list");
            }
            return c;
        }).toList();
    }

    private static List<Sample> everyNth(List<Sample> samples, int n) {
        return java.util.stream.IntStream.range(0, samples.size()).filter(i -> i % n == 0).mapToObj(samples::get).toList();
    }

    /** Mean over {@code samples} of each image's input-gradient density, scaled to unit sum first. */
    private float[] averageInputGradient(Scorer scorer, List<Sample> samples) throws IOException {
        int size = scorer.model().info().inputSize;
        float[] sum = new float[size * size];
        scorer.run(samples, BATCH, SkipReport.failFast(), "input gradients", console, o -> {
            float[] density = InputGradients.density(o.network(), o.input()).toFloatArray();
            for (int i = 0; i < o.size(); i++) {
                double total = 0;
                for (int p = 0; p < sum.length; p++) {
                    total += density[i * sum.length + p];
                }
                for (int p = 0; total > 0 && p < sum.length; p++) {
                    sum[p] += (float) (density[i * sum.length + p] / total / samples.size());
                }
            }
        });
        return sum;
    }

    private static double[] values(List<Scorer.ScoredCam> cams) {
        return cams.stream().mapToDouble(Scorer.ScoredCam::score).toArray();
    }

    /** Mean relevance mass accuracy and pointing game of the CAMs against the thresholded human maps. */
    private static double[] localisation(List<Scorer.ScoredCam> cams, SampleLoader mapsAtCamSize) throws IOException {
        double mass = 0;
        double pointing = 0;
        int nMass = 0;
        int nPointing = 0;
        for (Scorer.ScoredCam c : cams) {
            float[] human = CamStats.humanMap(c.sample(), mapsAtCamSize);
            if (human == null) {
                continue;
            }
            Localisation.Scores s = Localisation.of(c.cam(), Localisation.mask(human, Localisation.DEFAULT_THRESHOLD));
            if (!Double.isNaN(s.massAccuracy())) {
                mass += s.massAccuracy();
                nMass++;
            }
            if (!Double.isNaN(s.pointingGame())) {
                pointing += s.pointingGame();
                nPointing++;
            }
        }
        return new double[] {nMass == 0 ? Double.NaN : mass / nMass, nPointing == 0 ? Double.NaN : pointing / nPointing};
    }

    /** The CAMs of the first open-set image of each source, by image key. */
    private static Map<String, float[]> examples(List<Scorer.ScoredCam> cams) {
        Map<String, float[]> out = new LinkedHashMap<>();
        Map<String, Integer> perSource = new LinkedHashMap<>();
        for (Scorer.ScoredCam c : cams) {
            if (perSource.merge(c.sample().source(), 1, Integer::sum) <= EXAMPLES_PER_SOURCE) {
                out.put(c.sample().key(), c.cam());
            }
        }
        return out;
    }
}
