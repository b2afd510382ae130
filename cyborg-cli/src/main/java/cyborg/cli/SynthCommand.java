package cyborg.cli;

import cyborg.synth.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cyborg synth}: writes the procedural open-set face benchmark. */
@Command(name = "synth", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Write the procedural open-set face benchmark in the reference layout.",
            "",
            "Face-like images from three authentic styles (studio, wild, soft) and eight generator families."
                + " Each family leaves a trace drawn from one shared mechanism (upsampling pattern, smear, colour"
                + " cast, blending seam, droplet) with its own period, orientation, colour and strength, in its own"
                + " face part; human maps come from three simulated annotators.",
            "Train and validation: the 'wild' style and three families, one per mechanism (upsample-eyes,"
                + " smeared-mouth, iris-cast), with a corner mark shortcut on most synthetic and few authentic images.",
            "Open set ('test' rows): the other two styles and five unseen families: three share a training"
                + " mechanism under other parameters and parts (aliased-nose, smeared-eyes, brow-cast), two have"
                + " mechanisms training never shows (hairline-seam, droplet). The mark carries no label information"
                + " there by default; split-reversed.csv has the same open set with the bias reversed.",
            "Deterministic for a seed. See docs/benchmark.md.",
            "",
            "Writes DIR/split.csv, DIR/split-reversed.csv, DIR/probe-marked.csv and DIR/probe-unmarked.csv (every"
                + " open-set image with and without the mark), DIR/images/<split>/.../<real|synthetic>/<source>/*.png,"
                + " DIR/maps/NAME.<k>.png (k = annotator) and DIR/benchmark.json.",
            "",
            "Example:",
            "  cyborg synth --out data/bench --size 64 --seed 1"
        })
final class SynthCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--size", defaultValue = "64", description = "Image size in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--train-per-class", defaultValue = "400",
            description = "Authentic and synthetic training images each (default: ${DEFAULT-VALUE}).")
    int trainPerClass;

    @Option(names = "--val-per-class", defaultValue = "100",
            description = "Authentic and synthetic validation images each (default: ${DEFAULT-VALUE}).")
    int valPerClass;

    @Option(names = "--test-per-source", defaultValue = "150",
            description = "Open-set test images per authentic style; as many synthetic, spread over the five test"
                    + " generators (default: ${DEFAULT-VALUE}).")
    int testPerSource;

    @Option(names = "--shortcut-rate", defaultValue = "0.9",
            description = "Share of synthetic train/val images with the corner-mark shortcut; authentic ones get it"
                    + " at 1 minus this (default: ${DEFAULT-VALUE}).")
    double shortcutRate;

    @Option(names = "--test-shortcut-rate", defaultValue = "0.5",
            description = "Share of synthetic open-set images with the shortcut in split.csv; authentic ones get it at"
                    + " 1 minus this: 0.5 = no correlation (default), below 0.5 = reversed, as when another source"
                    + " marks its authentic photos. split-reversed.csv always reverses the training rates.")
    double testShortcutRate;

    @Override
    public Integer call() throws Exception {
        Benchmark.builder().size(size).seed(seed).trainPerClass(trainPerClass).valPerClass(valPerClass)
                .testPerSource(testPerSource).shortcutRate(shortcutRate)
                .testShortcutRate(testShortcutRate).build().write(out, System.err);
        System.out.printf("wrote the benchmark (%d px, seed %d) to %s: split.csv, split-reversed.csv, probe-*.csv, images/, maps/, benchmark.json%n",
                size, seed, out);
        return 0;
    }
}
