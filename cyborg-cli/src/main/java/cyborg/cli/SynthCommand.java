package cyborg.cli;

import cyborg.synth.Benchmark;
import cyborg.synth.DecoyTask;
import cyborg.synth.SynthTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cyborg synth}: writes a procedural task (by default the open-set face benchmark). */
@Command(name = "synth", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Write a procedural task in the reference layout: by default (--task faces) the open-set face benchmark.",
            "",
            "faces: face-like images from three authentic styles (studio, wild, soft) and eight generator families."
                + " Each family leaves a trace drawn from one shared mechanism (upsampling pattern, smear, colour"
                + " cast, blending seam, droplet) with its own phase, direction, colour and strength, in one of its own"
                + " face parts, drawn per image; human maps come from three simulated annotators.",
            "Train and validation: the 'wild' style and three families, one per mechanism (upsample-eyes-mouth,"
                + " smeared-mouth-nose, iris-cast), with a corner mark shortcut on most synthetic and few authentic images.",
            "Open set ('test' rows): the other two styles and five unseen families: three share a training"
                + " mechanism under other parameters and parts (upsample-nose, smeared-eyes, brow-cast), two have"
                + " mechanisms training never shows (hairline-seam, droplet). The mark carries no label information"
                + " there by default; split-reversed.csv has the same open set with the bias reversed.",
            "split-ceiling.csv has the same faces with the mark on half of either class in train and validation"
                + " too (its other version under images/<split>/other-mark/): CE trained on it cannot learn the"
                + " shortcut, which makes it the reference for what removing the shortcut can reach.",
            "Writes DIR/split.csv, DIR/split-reversed.csv, DIR/split-ceiling.csv, DIR/probe-marked.csv and"
                + " DIR/probe-unmarked.csv (every open-set image with and without the mark), DIR/images/<split>/.../<real|synthetic>/<source>/*.png,"
                + " DIR/maps/NAME.<k>.png (k = annotator) and DIR/benchmark.json. See docs/benchmark.md.",
            "",
            "decoy: a second, independent shortcut task after Decoy-MNIST (Ross et al. 2017). Real = a smoothly"
                + " shaded blob, Synthetic = the same kind of blob with a fine grating, at a random place on a"
                + " cluttered background. A gray square in a random corner has shade 255 - 25k, k in 0..4 for Real"
                + " and 5..9 for Synthetic in train/val (the decoy), k uniform in 0..9 in test. Human maps (two"
                + " annotators) outline the object. Writes DIR/split.csv, DIR/split-nodecoy.csv (random decoy in"
                + " train/val too: the ceiling; same test rows), DIR/decoy-truth.csv (test rows labelled by their"
                + " decoy, to measure reliance on it), DIR/images/..., DIR/maps/NAME.<k>.png and DIR/decoy.json."
                + " See docs/decoy.md.",
            "",
            "Deterministic for a seed.",
            "",
            "Examples:",
            "  cyborg synth --out data/bench --size 64 --seed 1",
            "  cyborg synth --task decoy --out data/decoy --seed 1"
        })
final class SynthCommand implements Callable<Integer> {
    /** The task ids, for the help's ${COMPLETION-CANDIDATES}. */
    static final class TaskIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(SynthTask.values()).map(SynthTask::id).iterator();
        }
    }

    /** Parses --task through the registry, so the error lists the tasks. */
    static final class TaskConverter implements CommandLine.ITypeConverter<SynthTask> {
        @Override
        public SynthTask convert(String value) {
            try {
                return SynthTask.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--task", defaultValue = "faces", paramLabel = "TASK", completionCandidates = TaskIds.class,
            converter = TaskConverter.class,
            description = "Which task: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SynthTask task;

    @Writes
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--size", description = "Image size in pixels (default: faces " + Benchmark.DEFAULT_SIZE + ", decoy "
            + DecoyTask.DEFAULT_SIZE + ").")
    Integer size;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--train-per-class",
            description = "Training images per class (default: faces 400, decoy " + DecoyTask.DEFAULT_TRAIN_PER_CLASS + ").")
    Integer trainPerClass;

    @Option(names = "--val-per-class",
            description = "Validation images per class (default: faces 100, decoy " + DecoyTask.DEFAULT_VAL_PER_CLASS + ").")
    Integer valPerClass;

    @Option(names = "--test-per-source",
            description = "faces: authentic open-set images in the training style (split.csv), half as many per test"
                    + " generator; the unseen styles (split-styles.csv) get as many authentic images in all and as many"
                    + " synthetic ones (default: 150).")
    Integer testPerSource;

    @Option(names = "--test-per-class",
            description = "decoy: test images per class (default: " + DecoyTask.DEFAULT_TEST_PER_CLASS + ").")
    Integer testPerClass;

    @Option(names = "--shortcut-rate",
            description = "faces: share of synthetic train/val images with the corner-mark shortcut; authentic ones get"
                    + " it at 1 minus this (default: 0.9).")
    Double shortcutRate;

    @Option(names = "--test-shortcut-rate",
            description = "faces: share of synthetic open-set images with the shortcut in split.csv; authentic ones get"
                    + " it at 1 minus this: 0.5 = no correlation (default), below 0.5 = reversed, as when another source"
                    + " marks its authentic photos. split-reversed.csv always reverses the training rates.")
    Double testShortcutRate;

    @Option(names = "--no-more-data",
            description = "faces: do not write split-4x.csv and its 3 x train-per-class extra faces per class (the"
                    + " demo's 4x-data row reads them).")
    boolean noMoreData;

    /** Options that only one task reads. */
    private static final List<String> FACES_ONLY = List.of("--test-per-source", "--shortcut-rate", "--test-shortcut-rate",
            "--no-more-data");
    private static final List<String> DECOY_ONLY = List.of("--test-per-class");

    @Override
    public Integer call() throws Exception {
        List<String> foreign = task == SynthTask.FACES ? DECOY_ONLY : FACES_ONLY;
        for (String option : foreign) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new IllegalArgumentException(option + " does not apply to --task " + task.id());
            }
        }
        int px = size != null ? size : task.defaultSize();
        switch (task) {
            case FACES -> {
                Benchmark.Builder b = Benchmark.builder().size(px).seed(seed);
                if (trainPerClass != null) b.trainPerClass(trainPerClass);
                if (valPerClass != null) b.valPerClass(valPerClass);
                if (testPerSource != null) b.testPerSource(testPerSource);
                if (shortcutRate != null) b.shortcutRate(shortcutRate);
                if (testShortcutRate != null) b.testShortcutRate(testShortcutRate);
                b.moreData(!noMoreData);
                b.build().write(out, System.err);
                System.out.printf("wrote the benchmark (%d px, seed %d) to %s: split.csv, split-reversed.csv, split-ceiling.csv,"
                        + " %s%s, probe-*.csv, images/, maps/, benchmark.json%n", px, seed, out, Benchmark.STYLES_SPLIT,
                        noMoreData ? "" : ", " + Benchmark.FOUR_X_SPLIT);
            }
            case DECOY -> {
                DecoyTask.Builder b = DecoyTask.builder().size(px).seed(seed);
                if (trainPerClass != null) b.trainPerClass(trainPerClass);
                if (valPerClass != null) b.valPerClass(valPerClass);
                if (testPerClass != null) b.testPerClass(testPerClass);
                b.build().write(out, System.err);
                System.out.printf("wrote the decoy task (%d px, seed %d) to %s: split.csv, %s, %s, images/, maps/, decoy.json%n",
                        px, seed, out, DecoyTask.NO_DECOY_SPLIT, DecoyTask.DECOY_TRUTH);
            }
        }
        return 0;
    }
}
