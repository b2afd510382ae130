package cyborg.cli;







import cyborg.explain.GrayMap;
import cyborg.explain.MapFile;
import cyborg.explain.ShannonEntropy;
import cyborg.explain.Ssim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code cyborg measure}: measures of saved saliency maps, from any tool. */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = {
            "Measure saved saliency maps (any tool's) with scikit-image's semantics.",
            "",
            "Maps are read as 8-bit grayscale (colour maps through PIL's luminance conversion).",
            "",
            "Examples:",
            "  cyborg measure entropy sal/studio/*.gradcam.map.png",
            "  cyborg measure ssim a.png b.png"
        },
        subcommands = {MeasureCommand.Entropy.class, MeasureCommand.Structural.class})
final class MeasureCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code cyborg measure entropy}. */
    @Command(name = "entropy", mixinStandardHelpOptions = true,
            description = {
                "Shannon entropy of each map's histogram, as skimage.measure.shannon_entropy (base 2), and"
                    + " normalised by log2(number of pixels) to [0,1].",
                "",
                "Prints CSV: file,entropy_bits,entropy_normalized",
                "",
                "Example:",
                "  cyborg measure entropy maps/*.png"
            })
    static final class Entropy implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "MAP", description = "Map images.")
        List<Path> maps;

        @Override
        public Integer call() throws Exception {
            System.out.println("file,entropy_bits,entropy_normalized");
            for (Path p : maps) {
                GrayMap m = MapFile.read(p);
                System.out.printf(Locale.ROOT, "%s,%.10f,%.10f%n", p, ShannonEntropy.bits(m.values()),
                        ShannonEntropy.normalized(m.values()));
            }
            return 0;
        }
    }

    /** {@code cyborg measure ssim}. */
    @Command(name = "ssim", mixinStandardHelpOptions = true,
            description = {
                "Structural similarity of two maps of the same size, as skimage.metrics.structural_similarity with"
                    + " its defaults on 8-bit images (7x7 uniform window, K1 0.01, K2 0.03, sample covariance,"
                    + " data range 255). Maps must be at least 7x7.",
                "",
                "Example:",
                "  cyborg measure ssim a.png b.png"
            })
    static final class Structural implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "A", description = "First map.")
        Path a;

        @Parameters(index = "1", paramLabel = "B", description = "Second map.")
        Path b;

        @Override
        public Integer call() throws Exception {
            GrayMap x = MapFile.read(a);
            GrayMap y = MapFile.read(b);
            if (x.width() != y.width() || x.height() != y.height()) {
                throw new IllegalArgumentException(a + " is " + x.width() + "x" + x.height() + " but " + b + " is "
                        + y.width() + "x" + y.height() + "; SSIM compares maps of the same size");
            }
            System.out.printf(Locale.ROOT, "%.10f%n", Ssim.of(x, y));
            return 0;
        }
    }
}
