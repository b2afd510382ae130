package cyborg.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import cyborg.data.Augmentation;
import cyborg.data.Batch;
import cyborg.data.BatchLoader;
import cyborg.data.Counterexamples;
import cyborg.data.LoadPlan;
import cyborg.data.MapCoverage;
import cyborg.data.MapIndex;
import cyborg.data.MapNeeds;
import cyborg.data.Preprocessing;
import cyborg.data.DataValidator;
import cyborg.data.Sample;
import cyborg.data.SampleLoader;
import cyborg.io.Json;
import cyborg.loss.CompositeLoss;
import cyborg.loss.LossContext;
import cyborg.loss.LossStep;
import cyborg.model.CamNetwork;
import cyborg.model.CamOutput;
import cyborg.model.EngineThreads;
import cyborg.model.ComputeDevice;
import cyborg.model.Inference;
import cyborg.model.Prediction;
import cyborg.model.ModelInfo;
import cyborg.model.SavedModel;
import cyborg.model.Weights;
import cyborg.nn.Tensor;
import cyborg.util.GracefulStop;
import cyborg.util.ProgressBar;
import cyborg.util.Seeds;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains one model: epochs of shuffled mini-batches under the configured loss, validation after
 * each epoch, the epoch with the best validation accuracy kept (ties go to the later epoch), and
 * a checkpoint after every epoch from which {@code --resume} continues bit for bit.
 */
public final class Trainer {
    private static final long SHUFFLE_STREAM = 1;
    private static final long AUGMENT_STREAM = 2;
    private static final long COUNTEREXAMPLE_STREAM = 3;
    private final TrainConfig config;
    private final PrintStream console;
    private ComputeDevice device = ComputeDevice.CPU;

    /**
     * @param config the run's settings
     * @param console where progress goes (null: silent)
     */
    public Trainer(TrainConfig config, PrintStream console) {
        this.config = config;
        this.console = console;
    }

    /** Trains on {@code d} instead of the CPU. */
    public Trainer on(ComputeDevice d) {
        d.device(); // a GPU that is not there fails here, before any work
        this.device = d;
        return this;
    }

    /**
     * Trains into {@code files.dir()}.
     *
     * @param resume continue from the folder's checkpoint; without it, a folder that already
     *     holds a checkpoint is refused
     */
    public TrainResult train(TrainData data, RunFiles files, boolean resume) throws IOException {
        boolean hasCheckpoint = Files.isRegularFile(files.checkpointState());
        if (hasCheckpoint && !resume) {
            throw new IOException(files.dir() + " already holds a training run; pass --resume to continue it"
                    + " or choose another --out");
        }
        Files.createDirectories(files.dir());
        // Recording must be off between steps: each step's gradient collector turns it on and, when
        // closed, back to what it found. PyTorch's switch is per thread, and only the thread that
        // started the engine has it off; on any other the optimiser's in-place update of the
        // parameters would fail ("a leaf Variable that requires grad is being used in an in-place
        // operation"), as every training did after a Spark task had started the engine first.
        EngineThreads.inferenceOnThisThread();
        CompositeLoss loss = config.loss();
        Counterexamples counterexamples = config.counterexamples();
        boolean withMaps = loss.usesMaps() || !counterexamples.isNone();
        try (NDManager manager = device.newManager()) {
            CamNetwork net = config.architecture().create(manager, config.seed());
            int[] camSize = SavedModel.camSize(net, manager, config.inputSize());
            Preprocessing preprocessing = config.architecture().preprocessing(config.inputSize());
            // bound to the training images only: validation never reads maps, and a name shared
            // with a validation image does not make a training image's map ambiguous
            MapIndex.Assignment maps = withMaps ? data.maps().assign(data.train()) : MapIndex.Assignment.none();
            SampleLoader loader = new SampleLoader(preprocessing, camSize[0], camSize[1], maps,
                    cacheDecision(data));
            Inference validation = new Inference(net, preprocessing, camSize);
            int threads = Runtime.getRuntime().availableProcessors();
            DataValidator.Result checked = validate("checking training images", data.train(), loader, withMaps,
                    threads, data);
            List<Sample> train = checked.usable();
            List<Sample> val = validate("checking validation images", data.validation(), loader, false, threads,
                    data).usable();
            requireBoth(train, "training");
            requireBoth(val, "validation (" + data.validationSplit() + " rows)");
            MapCoverage coverage = new MapCoverage(data.maps().dir(), train.size(), checked.withoutMap(),
                    checked.constantMap());
            String mapSummary = "";
            if (withMaps) {
                if (!maps.unmatched().isEmpty() && checked.withoutMap() > 0) {
                    // only when images lack maps (a folder may well hold the maps of other splits too), and
                    // before a refusal: maps laid out under another root than the images' match nothing
                    say(maps.unmatched().size() + " map file(s) in " + maps.dir() + " belong to no training image (e.g. "
                            + maps.unmatched().get(0) + "); " + MapIndex.MATCHING);
                }
                coverage.requireSome(loss.usesMaps() ? "the loss " + loss : "counterexamples (--counterfactual)");
                mapSummary = coverage.summary(unmappedFate(loss, counterexamples));
                say(mapSummary);
            }
            int withoutMap = withMaps ? coverage.unmapped() : 0;
            say(String.format(Locale.ROOT, "training %s at %d px on %d images (%d without a usable human map), validating on"
                    + " %d %s images; loss %s; CAM %dx%d%s", config.architecture().id(), config.inputSize(),
                    train.size(), withoutMap, val.size(), data.validationSplit(), loss, camSize[0], camSize[1],
                    counterexamples.isNone() ? "" : String.format(Locale.ROOT, "; counterexamples (%s) at rate %s",
                            counterexamples.fill().id(), counterexamples.rate())));
            if (data.skips().total() > 0) {
                say(data.skips().toString());
            }
            Map<String, NDArray> params = trainableByName(net);
            Optimizer optimizer = config.optimizer() == TrainConfig.OptimizerKind.ADAM
                    ? new Adam(params, manager, config.weightDecay())
                    : new Sgd(params, manager, config.momentum(), config.weightDecay());
            CheckpointState state = new CheckpointState();
            if (resume && hasCheckpoint) {
                state = Checkpoint.restore(files, net, optimizer);
                say("resuming after epoch " + state.completedEpochs + " of " + config.epochs());
            } else if (resume) {
                say("no checkpoint in " + files.dir() + " yet: starting the run from epoch 1");
            }
            if (!(resume && hasCheckpoint) && config.initWeights() != null) {
                Weights.loadBackbone(net, config.architecture(), Weights.read(config.initWeights()), config.initWeights());
                say("backbone initialised from " + config.initWeights() + " (fresh 2-way "
                        + config.architecture().headName() + ")");
            }
            state.seed = config.seed();
            state.loss = loss.toString();
            Json.write(files.config(), config);
            TrainLog.truncate(files, state.completedEpochs);
            StepLr schedule = new StepLr(config.lr(), config.lrStep(), config.lrGamma());
            List<EpochRecord> history = TrainLog.read(files);
            double bestAuc = history.stream().filter(r -> r.best).mapToDouble(r -> r.valAuc).reduce((a, b) -> b).orElse(Double.NaN);
            try (BatchLoader batches = new BatchLoader(loader, threads, camSize[0] * camSize[1], data.skips())) {
                for (int epoch = state.completedEpochs; epoch < config.epochs(); epoch++) {
                    EpochRecord rec = runEpoch(epoch, net, loss, optimizer, schedule.lr(epoch), batches, train, val,
                            validation, manager, params);
                    rec.best = rec.valAcc >= state.bestValAcc;
                    if (rec.best) {
                        state.bestValAcc = rec.valAcc;
                        state.bestEpoch = epoch + 1;
                        bestAuc = rec.valAuc;
                        SavedModel.save(files.dir(), net, info(camSize, rec, loss));
                    }
                    state.completedEpochs = epoch + 1;
                    history.add(rec);
                    TrainLog.append(files, rec);
                    Checkpoint.save(files, net, optimizer, state);
                    CurvePlot.write(files, history);
                    say(String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  train acc %.3f  val acc %.3f  val AUC %.3f"
                            + "  %.1f img/s%s", epoch + 1, config.epochs(), rec.loss, rec.trainAcc, rec.valAcc,
                            rec.valAuc, rec.imagesPerS, rec.best ? "  (kept)" : ""));
                }
            }
            return new TrainResult(files.dir(), state.bestEpoch, state.bestValAcc, bestAuc, train.size(), withoutMap, mapSummary);
        }
    }

    private EpochRecord runEpoch(int epoch, CamNetwork net, CompositeLoss loss, Optimizer optimizer, double lr,
            BatchLoader batches, List<Sample> train, List<Sample> val, Inference validation, NDManager manager,
            Map<String, NDArray> params) {
        long start = System.nanoTime();
        int size = config.inputSize();
        int[] order = order(train.size(), epoch);
        Map<String, Double> partSums = new LinkedHashMap<>();
        double lossSum = 0;
        int correct = 0;
        int seen = 0;
        net.module().setTraining(true);
        String label = String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, config.epochs());
        try (ProgressBar bar = new ProgressBar(label, train.size(), "img", console)) {
            MapNeeds needs = loss.usesInputGradient() ? MapNeeds.CAM_AND_INPUT
                    : loss.usesMaps() ? MapNeeds.CAM : MapNeeds.NONE;
            var it = batches.batches(train, order, config.batchSize(), pos -> plan(epoch, pos, train, order, needs));
            while (it.hasNext()) {
                GracefulStop.checkpoint();
                Batch b = it.next();
                if (b.size() < 2) {
                    continue; // batch norm cannot train on one image; the shuffle rotates who is left out
                }
                try (NDManager bm = manager.newSubManager();
                        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray x = bm.create(b.images(), new Shape(b.size(), 3, size, size));
                    LossStep step = LossStep.begin(gc, loss, x);
                    CamOutput out = net.forward(x);
                    NDArray labels = bm.create(b.labels());
                    long[] cam = out.features().getShape().getShape();
                    NDArray maps = bm.create(b.maps(), new Shape(b.size(), cam[2], cam[3]));
                    NDArray mask = bm.create(b.mapMask());
                    NDArray inputMaps = b.inputMaps() == null ? null
                            : bm.create(b.inputMaps(), new Shape(b.size(), size, size));
                    LossContext ctx = new LossContext(out.logits(), out.features(), net.classifierWeight(),
                            labels, maps, mask, config.camClass(), x, inputMaps);
                    CompositeLoss.Value v = step.compute(ctx);
                    float total = v.total().getFloat();
                    if (!Float.isFinite(total)) {
                        throw new IllegalStateException(String.format(Locale.ROOT, "the loss became %s in epoch"
                                + " %d; lower --lr or check the data", total, epoch + 1));
                    }
                    step.backward(v.total());
                    lossSum += total * b.size();
                    v.parts().forEach((k, p) -> partSums.merge(k, (double) p * b.size(), Double::sum));
                    correct += countCorrect(Prediction.classes(out.logits()).toLongArray(), b.labels());
                    seen += b.size();
                }
                optimizer.step(lr);
                bar.step(b.size(), status(lossSum, partSums, seen));
            }
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        Validation.Result vr = Validation.run(validation, batches, val, config.batchSize(), manager);
        EpochRecord rec = new EpochRecord();
        rec.epoch = epoch + 1;
        rec.lr = lr;
        rec.loss = lossSum / Math.max(1, seen);
        final int n = Math.max(1, seen);
        rec.lossParts = new LinkedHashMap<>();
        partSums.forEach((k, s) -> rec.lossParts.put(k, s / n));
        rec.trainAcc = (double) correct / n;
        rec.valAcc = vr.accuracy();
        rec.valAuc = vr.auc();
        rec.imagesPerS = seen / trainSeconds;
        rec.seconds = (System.nanoTime() - start) / 1e9;
        rec.rssMb = ProcessMemory.residentMb();
        return rec;
    }

    /** Running means of the loss and of each term, e.g. {@code loss 0.41 (ce 0.62, cyborg 0.19)}. */
    private static String status(double lossSum, Map<String, Double> partSums, int seen) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "loss %.4f", lossSum / seen));
        if (partSums.size() > 1) {
            String sep = " (";
            for (Map.Entry<String, Double> e : partSums.entrySet()) {
                sb.append(sep).append(String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue() / seen));
                sep = ", ";
            }
            sb.append(')');
        }
        return sb.toString();
    }

    static int countCorrect(long[] predicted, long[] labels) {
        int c = 0;
        for (int i = 0; i < labels.length; i++) {
            c += predicted[i] == labels[i] ? 1 : 0;
        }
        return c;
    }

    /** The epoch's order, a function of seed and epoch only, so a resumed run sees the same order. */
    private int[] order(int n, int epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (config.shuffle()) {
            Random rng = Seeds.random(config.seed(), SHUFFLE_STREAM, epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /**
     * How the sample at {@code position} of the epoch is prepared: its augmentation and whether it
     * becomes a counterexample, both functions of seed, epoch and position (so a resumed run
     * draws the same).
     */
    private LoadPlan plan(int epoch, int position, List<Sample> train, int[] order, MapNeeds needs) {
        Augmentation aug = config.augmentation();
        Augmentation.Params params = aug.isNone() ? Augmentation.Params.IDENTITY
                : aug.sample(Seeds.random(config.seed(), AUGMENT_STREAM, epoch, position));
        Counterexamples.Draw draw = config.counterexamples().draw(
                Seeds.random(config.seed(), COUNTEREXAMPLE_STREAM, epoch, position), train, order[position]);
        return new LoadPlan(params, needs, draw);
    }

    private DataValidator.Result validate(String what, List<Sample> samples, SampleLoader loader, boolean withMaps,
            int threads, TrainData data) throws IOException {
        try (ProgressBar bar = new ProgressBar(what, samples.size(), "img", console)) {
            int[] last = {0};
            return DataValidator.validate(samples, loader, withMaps, threads, data.skips(), done -> {
                bar.step(done - last[0], null);
                last[0] = done;
            });
        }
    }

    /** What happens to a training image without a usable map, said truthfully for this loss. */
    private static String unmappedFate(CompositeLoss loss, Counterexamples counterexamples) {
        List<String> fates = new java.util.ArrayList<>();
        if (loss.usesMaps()) {
            List<String> mapFree = loss.mapFreeTermNames();
            fates.add(mapFree.isEmpty() ? "add nothing to the loss (every term of " + loss + " reads the maps)"
                    : "train with " + String.join(", ", mapFree) + " only");
        }
        if (!counterexamples.isNone()) {
            fates.add("are never made counterexamples");
        }
        return String.join(" and ", fates);
    }

    private static void requireBoth(List<Sample> samples, String what) throws IOException {
        long synthetic = samples.stream().filter(s -> s.label().index() == 1).count();
        if (samples.isEmpty()) {
            throw new IOException("the " + what + " split is empty; add rows for it to the split file");
        }
        if (synthetic == 0 || synthetic == samples.size()) {
            throw new IOException("the " + what + " split has only " + (synthetic == 0 ? "Real" : "Synthetic")
                    + " images; it needs both classes");
        }
    }

    private boolean cacheDecision(TrainData data) {
        if (data.cache() != null) {
            return data.cache();
        }
        return CacheBudget.fits(data.train(), data.validation());
    }

    private static Map<String, NDArray> trainableByName(CamNetwork net) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : net.module().namedTensors().entrySet()) {
            if (e.getValue().trainable()) {
                out.put(e.getKey(), e.getValue().array());
            }
        }
        return out;
    }

    private ModelInfo info(int[] camSize, EpochRecord rec, CompositeLoss loss) {
        ModelInfo info = ModelInfo.of(config.architecture(), config.inputSize(), camSize);
        info.loss = loss.toString();
        info.camClass = config.camClass().name().toLowerCase(Locale.ROOT);
        info.seed = config.seed();
        info.epoch = rec.epoch;
        info.metrics = new LinkedHashMap<>();
        info.metrics.put("val_acc", rec.valAcc);
        info.metrics.put("val_auc", rec.valAuc);
        info.metrics.put("train_acc", rec.trainAcc);
        return info;
    }

    private void say(String line) {
        if (console != null) {
            console.println(line);
        }
    }
}
