package cyborg.spark.sweep;

import ai.djl.ndarray.NDManager;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.eval.OpenSet;
import cyborg.eval.RunMetrics;
import cyborg.explain.Explainer;
import cyborg.explain.ImageMeasures;
import cyborg.explain.MeasureSummary;
import cyborg.io.Json;
import cyborg.model.ComputeDevice;
import cyborg.model.EngineThreads;
import cyborg.model.LoadedModel;
import cyborg.model.ModelInfo;
import cyborg.model.SavedModel;
import cyborg.saliency.SaliencyMethod;
import cyborg.score.Scorer;
import cyborg.spark.score.TaskGpu;
import cyborg.train.RunFiles;
import org.apache.spark.TaskContext;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a sweep, as one Spark task: trains in a child JVM ({@link TrainProcess}; resumed
 * when the folder holds an interrupted training), then scores the open set (the data set's test
 * split), evaluates it and measures Explain-to-Me on some of its images in this JVM, and writes
 * {@code result.json}. A run whose folder already holds a valid result is not touched.
 *
 * @param run the run
 * @param data its data set, prepared
 * @param out the sweep folder
 * @param explain Explain-to-Me settings
 * @param cores cores the run may use when the task does not say (outside Spark)
 * @param heap the training JVM's maximum heap
 * @param trainMain the main class the training JVM runs ({@link Sweep.Settings#trainMain})
 * @param device where the training runs: a GPU trains on the task's own ({@code CUDA_VISIBLE_DEVICES} set to
 *     its address in the training JVM) when Spark schedules GPUs, else on the first; evaluation stays on the CPU
 */
public record RunTask(RunSpec run, DataSet data, String out, Grid.Explain explain, int cores, String heap,
        String trainMain, ComputeDevice device) implements Serializable {
    private static final int BATCH = 32;

    /** A run trained on the CPU. */
    public RunTask(RunSpec run, DataSet data, String out, Grid.Explain explain, int cores, String heap,
            String trainMain) {
        this(run, data, out, explain, cores, heap, trainMain, ComputeDevice.CPU);
    }
    /** Gradient-based saliency needs DJL's one gradient collector: explain runs of such methods take turns. */
    private static final Object GRADIENTS = new Object();

    /**
     * What a task reports to the driver: small.
     *
     * @param error null when the run finished, else why not (with the log's last lines)
     */
    public record Outcome(String id, boolean trained, String error, double seconds) implements Serializable {}

    /** The run's folder. */
    public static Path runDir(Path out, String id) {
        return out.resolve("runs").resolve(id);
    }

    /** Runs it, reporting failure as an outcome rather than failing the Spark job. */
    public Outcome execute() {
        long start = System.nanoTime();
        try {
            boolean trained = call();
            return new Outcome(run.id(), trained, null, (System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(run.id(), false, "interrupted", (System.nanoTime() - start) / 1e9);
        } catch (Exception | Error e) {
            String why = e instanceof IOException || e instanceof IllegalArgumentException ? e.getMessage()
                    : e.toString();
            return new Outcome(run.id(), false, why, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Trains and measures; false when the run was already finished. */
    boolean call() throws IOException, InterruptedException {
        Path dir = runDir(Path.of(out), run.id());
        if (RunResult.read(dir) != null) {
            return false;
        }
        PrintStream console = System.out;
        int cpus = taskCores();
        long t0 = System.nanoTime();
        List<String> args = new ArrayList<>();
        args.add("train");
        boolean resume = new RunFiles(dir).hasConfig();
        if (resume) {
            args.addAll(List.of("--out", dir.toString(), "--resume"));
        } else {
            StartedWith.record(dir, run.definingArgs());
            args.addAll(data.trainArgs());
            args.addAll(run.definingArgs());
            args.addAll(List.of("--out", dir.toString()));
        }
        java.util.Map<String, String> env = new java.util.HashMap<>();
        String where = cpus + " core" + (cpus == 1 ? "" : "s");
        if (device == ComputeDevice.GPU) {
            args.addAll(List.of("--device", "gpu"));
            int gpu = TaskGpu.ofRunningTask();
            if (gpu >= 0) { // the training JVM sees only the task's GPU, as its first
                env.put("CUDA_VISIBLE_DEVICES", Integer.toString(gpu));
                where += " and GPU " + gpu;
            } else {
                where += " and the first GPU";
            }
        }
        console.printf("%s: %s on %s%n", run.id(), resume ? "resuming its training" : "training", where);
        TrainProcess.run(trainMain, args, cpus, heap, dir.resolve("train.log"), env);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        // the run's cores hold for its evaluation too: other task slots of this JVM are training
        // in their own processes, and PyTorch's default (every core) would compete with them
        EngineThreads.set(cpus);
        RunResult r = measure(dir, console);
        r.cores = cpus;
        r.trainSeconds = trainSeconds;
        r.evalSeconds = (System.nanoTime() - t1) / 1e9;
        r.finished = Instant.now().toString();
        r.write(dir);
        console.printf(java.util.Locale.ROOT, "%s: finished: validation AUC %.3f, open-set AUC %.3f (%.0f s)%n",
                run.id(), r.valAuc, r.openAuc, trainSeconds + r.evalSeconds);
        return true;
    }

    private int taskCores() {
        TaskContext tc = TaskContext.get();
        return tc != null ? Math.max(1, tc.cpus()) : cores;
    }

    /** Open-set metrics and Explain-to-Me measures of the trained model in {@code dir}. */
    RunResult measure(Path dir, PrintStream console) throws IOException {
        EngineThreads.inferenceOnThisThread(); // a Spark task thread: see EngineThreads
        List<Sample> test = data.read().stream().filter(s -> s.split().equals("test")).toList();
        if (test.isEmpty()) {
            throw new IOException(data.where() + ": no 'test' rows: the open set a sweep evaluates on is the data"
                    + " set's test split");
        }
        RunResult r = new RunResult();
        r.id = run.id();
        r.dataset = run.dataset();
        r.arch = run.arch();
        r.loss = run.loss();
        r.lossSpec = run.lossSpec();
        r.seed = run.seed();
        r.args = run.definingArgs();
        ModelInfo info = SavedModel.readInfo(dir);
        r.epoch = info.epoch;
        r.valAuc = metric(info, "val_auc");
        r.valAcc = metric(info, "val_acc");
        // a grid that trains with --skip-bad asked for bad images to be counted and skipped: so is the open set
        SkipReport skips = run.definingArgs().contains("--skip-bad") ? SkipReport.skipping() : SkipReport.failFast();
        List<Sample> scored;
        try (Scorer scorer = new Scorer(LoadedModel.open(dir))) {
            OpenSet open = OpenSet.score(scorer, test, BATCH, skips, dir.resolve("scores.csv"), null);
            scored = open.samples();
            r.openSkipped = skips.total();
            if (skips.total() > 0) {
                console.printf("%s: open set: %s%n", run.id(), skips);
            }
            RunMetrics m = open.metrics();
            r.openImages = scored.size();
            r.openAuc = m.metrics().auc();
            r.acer = m.metrics().acer();
            r.tdrAtFdr = new LinkedHashMap<>();
            m.metrics().tdrAtFdr().forEach((k, v) -> r.tdrAtFdr.put(Double.toString(k), v));
            r.perSource = new LinkedHashMap<>(m.perSource());
            r.camEntropy = open.camEntropy();
        }
        if (explain.images() > 0) {
            if (SaliencyMethod.of(explain.method()).id().startsWith("gradcam")) {
                synchronized (GRADIENTS) {
                    explain(dir, spread(scored, explain.images()), r);
                }
            } else {
                explain(dir, spread(scored, explain.images()), r);
            }
        }
        return r;
    }

    private void explain(Path dir, List<Sample> images, RunResult r) throws IOException {
        List<ImageMeasures> ms = new ArrayList<>();
        try (NDManager manager = ComputeDevice.CPU.newManager()) {
            SavedModel model = SavedModel.load(dir, manager);
            // noise seeded by each image's path in its data set, not by where the sweep folder is
            Explainer e = new Explainer(model, manager, SaliencyMethod.of(explain.method()),
                    Explainer.referenceShift(model.info().inputSize), explain.curveSteps(), 1)
                    .withDataRoot(data.root());
            for (Sample s : images) {
                ms.add(e.measure(s));
            }
        }
        Map<String, Object> summary = MeasureSummary.of(ms, false);
        Json.write(dir.resolve("explain.json"), summary);
        r.explain = ExplainMeasures.flat(summary);
        r.explainImages = ms.size();
        r.explainMethod = explain.method();
        RunResult.FeatureMaps maps = new RunResult.FeatureMaps();
        maps.width = ms.get(0).featureWidth;
        maps.height = ms.get(0).featureHeight;
        maps.images = ms.stream().map(m -> m.image).toList();
        maps.values = ms.stream().map(m -> m.featureMap).toList();
        r.maps = maps;
    }

    /** {@code n} images spread evenly over {@code all} (every source represented), in order. */
    static List<Sample> spread(List<Sample> all, int n) {
        if (n >= all.size()) {
            return all;
        }
        List<Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(all.get((int) ((long) i * all.size() / n)));
        }
        return out;
    }

    private static double metric(ModelInfo info, String key) {
        Double v = info.metrics == null ? null : info.metrics.get(key);
        return v == null ? Double.NaN : v;
    }
}
