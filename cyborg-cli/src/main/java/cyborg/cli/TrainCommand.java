package cyborg.cli;

import cyborg.data.Augmentation;
import cyborg.data.Counterexamples;
import cyborg.data.MapIndex;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.Splits;
import cyborg.loss.LossSpec;
import cyborg.model.Architecture;
import cyborg.model.CamTarget;
import cyborg.model.SavedModel;
import cyborg.train.ResumePolicy;
import cyborg.train.RunData;
import cyborg.train.RunFiles;
import cyborg.train.TrainConfig;
import cyborg.train.TrainData;
import cyborg.train.TrainResult;
import cyborg.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code cyborg train}: trains one or several detectors. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Train a detector with cross-entropy, the CYBORG loss, CAM-entropy (focus) terms, an input-gradient"
                + " penalty (rrr), a contrastive CAM (--cam-class contrast) or counterexamples (--counterfactual).",
            "",
            "The CYBORG loss blends cross-entropy with the mean squared error between the model's class"
                + " activation map (CAM) and human saliency maps. Training validates after every epoch and keeps"
                + " the epoch with the best validation accuracy (ties go to the later epoch). Validation uses the"
                + " 'val' rows, or the 'test' rows when there are none (the reference's convention). Defaults are"
                + " the reference's: SGD lr 0.005, momentum 0.9, weight decay 1e-6, StepLR 12 epochs x 0.1,"
                + " batch 20, 50 epochs.",
            "",
            "Loss (--loss): a preset or weighted terms, for example",
            "  --loss ce:0.5,cyborg:0.5,logent:0.5",
            "  --loss 'ce:0.5,log1p(cyborg:0.5,ent:0.25)'",
            TrainCommand.LOSS_HELP,
            "",
            "Writes into --out: model.safetensors and model.json (the kept model), train.json (settings),"
                + " data.json (data paths), train-log.jsonl (one line per epoch), loss-curves.png/svg,"
                + " accuracy-curves.png/svg and checkpoint/ (for --resume).",
            "",
            "Examples:",
            "  cyborg train --csv data/split.csv --images data/images --maps data/maps \\",
            "               --arch resnet18 --size 64 --epochs 10 --out runs/cyborg",
            "  cyborg train --csv data/split.csv --images data/images --loss ce --runs 3 --out runs/ce",
            "  cyborg train --out runs/cyborg --resume      (continue an interrupted run)"
        })
final class TrainCommand implements Callable<Integer> {
    /** Where {@link #describeLosses} puts the terms and presets of the loss registry. */
    static final String LOSS_HELP = "(terms and presets)";

    /** Replaces the {@link #LOSS_HELP} line of the train help with the registry's terms and presets. */
    static void describeLosses(CommandLine train) {
        CommandLine.Model.UsageMessageSpec usage = train.getCommandSpec().usageMessage();
        List<String> lines = new java.util.ArrayList<>();
        for (String line : usage.description()) {
            if (line.equals(LOSS_HELP)) {
                lines.add("Terms:");
                lines.addAll(LossSpec.termHelp());
                lines.add("Presets (a = --alpha):");
                lines.addAll(LossSpec.presetHelp());
            } else {
                lines.add(line);
            }
        }
        usage.description(lines.toArray(String[]::new));
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    DeviceOptions device = new DeviceOptions();

    @Option(names = "--maps", paramLabel = "DIR",
            description = "Human saliency maps, found by the image's path under the data root (--images or --folder):"
                    + " image real/ffhq/0000.jpg takes DIR/real/ffhq/0000.png, annotators DIR/real/ffhq/0000.<k>.png or"
                    + " DIR/<annotator>/real/ffhq/0000.png (averaged); DIR/0000.png only when no other image is named"
                    + " 0000. Needed by the terms that read human maps (see above) and by --counterfactual.")
    Path maps;

    @Option(names = "--arch", defaultValue = "resnet50", paramLabel = "NAME",
            completionCandidates = Choices.Architectures.class,
            description = "${COMPLETION-CANDIDATES}: torchvision's structures and names, and cyborg's smallresnet"
                    + " for 64 px images and smallresnet-s2 (a stride-2 stem, a quarter of the cost) for 96 px, the"
                    + " demo's (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--init", paramLabel = "FILE",
            description = "Start from ImageNet weights (torchvision's file, e.g. resnet50-0676ba61.pth): every layer but"
                    + " the 1000-way head, which is replaced by a fresh 2-way one.")
    Path init;

    @Option(names = "--size", paramLabel = "PX", description = "Input size, from the architecture's smallest (32; 75"
            + " for inception_v3) to 2048 (default: the architecture's own, 224 or 299; smallresnet 64, smallresnet-s2 96).")
    Integer size;

    @Option(names = "--loss", defaultValue = "cyborg", paramLabel = "SPEC",
            description = "Loss preset or weighted terms (default: ${DEFAULT-VALUE}); see above.")
    String loss;

    @Option(names = "--alpha", defaultValue = "0.5",
            description = "CE weight of the 'cyborg' preset (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--cam-class", defaultValue = "predicted", paramLabel = "TARGET",
            completionCandidates = Choices.CamTargets.class,
            description = "Whose CAM the saliency terms use: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}:"
                    + " the reference's); contrast is |(W[Synthetic] - W[Real]) . F| / its maximum, evidence for"
                    + " either class.")
    CamTarget camClass;

    @Option(names = "--epochs", defaultValue = "50", description = "Epochs, at least 1 (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "20", description = "Batch size, at least 2 (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "sgd|adam",
            description = "Optimiser (default: ${DEFAULT-VALUE}).")
    TrainConfig.OptimizerKind optimizer;

    @Option(names = "--lr", defaultValue = "0.005", description = "Learning rate, above 0 (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum in [0, 1) (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--weight-decay", defaultValue = "1e-6", description = "L2 weight decay, at least 0 (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--lr-step", defaultValue = "12", description = "StepLR period in epochs, at least 1 (default: ${DEFAULT-VALUE}).")
    int lrStep;

    @Option(names = "--lr-gamma", defaultValue = "0.1", description = "StepLR factor, above 0 (default: ${DEFAULT-VALUE}).")
    double lrGamma;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of weights, shuffling and augmentation; same seed, same weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--runs", defaultValue = "1",
            description = "Train N independent runs into OUT/run-1..N with seeds seed..seed+N-1 (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--no-shuffle", description = "Keep the training set's file order in every epoch.")
    boolean noShuffle;

    @Option(names = "--flip", description = "Augment: random horizontal flips (image and map alike).")
    boolean flip;

    @Option(names = "--crop-scale", defaultValue = "1.0", paramLabel = "MIN",
            description = "Augment: random resized crops keeping at least this fraction of the area (1 = off).")
    double cropScale;

    @Option(names = "--counterfactual", defaultValue = "0", paramLabel = "P",
            description = {"Counterexamples: with probability P a training image keeps what its human map marks and"
                    + " gets label-free content elsewhere (x' = m*x + (1-m)*fill), label unchanged (default: 0 = off).",
                    "Needs --maps; images without a map stay as they are."})
    double counterfactual;

    @Option(names = "--counterfactual-fill", defaultValue = "swap", paramLabel = "swap|noise",
            description = "What fills the unmarked part of a counterexample: another training image, drawn whatever"
                    + " its label (swap), or normal noise in normalised units (noise). Default: ${DEFAULT-VALUE}.")
    String counterfactualFill;

    @Option(names = "--cache", defaultValue = "auto", paramLabel = "auto|on|off",
            description = "Keep decoded images in memory: auto = when they fit in a third of the heap.")
    String cache;

    @Writes(files = {SavedModel.WEIGHTS, SavedModel.SIDECAR})
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run folder to write.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its last completed epoch.")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        int count = runs;
        if (resume && !new RunFiles(out).hasConfig()) {
            count = Math.max(runs, RunFiles.runsIn(out)); // resuming a --runs output: every run it holds
        }
        List<RunFiles> layout = RunFiles.layout(out, count);
        for (int k = 0; k < layout.size(); k++) {
            RunFiles run = layout.get(k);
            TrainConfig config = resume && run.hasConfig() ? resumedConfig(run) : config(seed + k);
            restoreData(run);
            TrainData trainData = trainData(config);
            if (layout.size() > 1) {
                System.out.printf("== run %d of %d (seed %d) -> %s%n", k + 1, layout.size(), config.seed(), run.dir());
            }
            // before training, so that a killed run can be resumed with --out alone
            run.writeData(RunData.of(data.csv, data.images, maps, data.folder));
            TrainResult r = new Trainer(config, System.out).on(device.device).train(trainData, run, resume);
            System.out.printf(Locale.ROOT, "kept epoch %d: validation accuracy %.4f, AUC %.4f -> %s%n",
                    r.bestEpoch(), r.bestValAcc(), r.bestValAuc(), run.dir().resolve("model.json"));
            if (r.withoutMap() > 0) {
                System.out.println(r.mapSummary());
            }
        }
        return 0;
    }

    private TrainConfig config(long runSeed) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--alpha")
                && !loss.trim().equalsIgnoreCase("cyborg")) {
            // not an error: reproduction lines (the demo's train_args) pass --alpha with any loss
            System.out.println("note: --alpha sets the CE weight of the 'cyborg' preset only; the loss '" + loss
                    + "' does not use it (write weights into --loss, e.g. --loss ce:0.3,cyborg:0.7)");
        }
        TrainConfig.Builder builder = TrainConfig.builder().architecture(Architecture.parse(arch));
        if (size != null) {
            builder.inputSize(size); // checked against the architecture's range, 0 included
        }
        return builder.loss(loss).alpha(alpha).camClass(camClass).epochs(epochs).batchSize(batch).optimizer(optimizer)
                .lr(lr).momentum(momentum).weightDecay(weightDecay).lrStep(lrStep).lrGamma(lrGamma).seed(runSeed)
                .shuffle(!noShuffle).augmentation(new Augmentation(flip, cropScale))
                .counterexamples(new Counterexamples(counterfactual, Counterexamples.Fill.parse(counterfactualFill)))
                .initWeights(init).build();
    }

    private TrainConfig resumedConfig(RunFiles run) throws IOException {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (CommandLine.Model.OptionSpec o : parsed.matchedOptions()) {
            ResumePolicy.requireChangeable(o.longestName(), run);
        }
        return ResumePolicy.resumed(run.readConfig(), parsed.hasMatchedOption("--epochs") ? epochs : null);
    }

    /** With --resume and no data options, the data locations the run saved. */
    private void restoreData(RunFiles run) throws IOException {
        if (!resume || data.csv != null || data.folder != null) {
            return; // with data options, --resume on a folder without a run starts it (Trainer says so)
        }
        RunData saved = run.readData();
        if (saved == null) {
            // else the data options would be asked for, as if --resume had not been read
            throw new IllegalArgumentException(run.dir() + ": no run to resume here ("
                    + (!Files.isDirectory(run.dir()) ? "no such folder"
                            : run.hasConfig() ? "no data.json saying its data" : "no train.json or data.json of"
                                    + " 'cyborg train'")
                    + "); check --out, or give the data (--csv FILE --images DIR, or --folder DIR) to "
                    + (run.hasConfig() ? "continue it" : "start a run there"));
        }
        data.csv = RunData.path(saved.csv());
        data.images = RunData.path(saved.images());
        data.folder = RunData.path(saved.folder());
        maps = RunData.path(saved.maps());
    }

    private TrainData trainData(TrainConfig config) throws IOException {
        SkipReport skips = data.skipReport();
        List<Sample> all = data.read(skips);
        List<Sample> train = DataOptions.split(all, Splits.TRAIN);
        List<Sample> val = DataOptions.split(all, Splits.VAL);
        String valSplit = Splits.VAL;
        if (val.isEmpty()) {
            val = DataOptions.split(all, Splits.TEST);
            valSplit = Splits.TEST;
        }
        String where = data.folder != null ? data.folder.toString() : String.valueOf(data.csv);
        if (train.isEmpty()) {
            throw new IOException(where + ": no 'train' rows; the training split is empty");
        }
        if (val.isEmpty()) {
            throw new IOException(where + ": no 'val' or 'test' rows to validate on; add some");
        }
        System.out.printf("validating on the '%s' rows of %s%n", valSplit, where);
        MapIndex index = MapIndex.empty();
        if (config.loss().usesMaps() || !config.counterexamples().isNone()) {
            if (maps == null) {
                throw new IllegalArgumentException((config.loss().usesMaps() ? "the loss " + config.lossSpec()
                        : "--counterfactual") + " needs human maps: pass --maps DIR (or use --loss ce without"
                        + " --counterfactual)");
            }
            index = MapIndex.scan(maps);
        }
        Boolean cacheChoice = switch (cache.toLowerCase(Locale.ROOT)) {
            case "auto" -> null;
            case "on" -> Boolean.TRUE;
            case "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("--cache must be auto, on or off");
        };
        return new TrainData(train, val, valSplit, index, skips, cacheChoice);
    }
}
