package cyborg.cli;

import cyborg.synth.ToyFaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cyborg synth}: writes a procedural data set in the reference layout. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {
            "Write a small procedural face data set in the reference layout.",
            "",
            "Every command can then run without downloads. Writes DIR/split.csv (train, val and test rows),"
                + " DIR/images/... and DIR/maps/... (human maps of the training images). Synthetic images carry a"
                + " checkerboard tell in the eyes; the maps mark the eyes.",
            "",
            "Example:",
            "  cyborg synth --out data/toy --size 64 --per-class 60"
        })
final class SynthCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--size", defaultValue = "64", description = "Image size in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--per-class", defaultValue = "60",
            description = "Images per class in each split (default: ${DEFAULT-VALUE}).")
    int perClass;

    @Override
    public Integer call() throws Exception {
        if (perClass < 1) {
            throw new IllegalArgumentException("--per-class must be at least 1");
        }
        new ToyFaces(size, seed).write(out, perClass);
        System.out.printf("wrote %d images (%d px) with split file %s%n", perClass * 6, size, out.resolve("split.csv"));
        return 0;
    }
}
