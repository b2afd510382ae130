package cyborg.cli;

import cyborg.data.BadInputException;
import cyborg.data.SkipReport;
import cyborg.explain.GrayMap;
import cyborg.explain.MapFile;
import cyborg.explain.MapPair;
import cyborg.explain.MapPairs;
import cyborg.explain.MapTree;
import cyborg.explain.SavedMapMeasures;
import cyborg.explain.Ssim;
import cyborg.util.OrderedParallel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code cyborg measure}: measures of saved saliency maps, from any tool. */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = {
            "Measure saved saliency maps (any tool's) with scikit-image's semantics.",
            "",
            "Maps are read as 8-bit grayscale (colour maps through PIL's luminance conversion). Many maps are"
                + " measured in one call, on all cores, and printed in input order.",
            "",
            "Examples:",
            "  cyborg measure entropy sal/studio/",
            "  cyborg measure ssim a.png b.png",
            "  cyborg measure ssim --pairs pairs.csv",
            "  cyborg measure ssim --dirs sal/gradcam sal/human"
        },
        subcommands = {MeasureCommand.Entropy.class, MeasureCommand.Structural.class})
final class MeasureCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code --skip-bad}, and where skips are reported: stderr, so that stdout stays CSV. */
    static final class SkipOption {
        @Option(names = "--skip-bad",
                description = "Skip maps (or pairs) that cannot be measured, and report how many by reason on stderr,"
                        + " instead of stopping at the first.")
        boolean skipBad;

        SkipReport report() {
            return skipBad ? SkipReport.skipping() : SkipReport.failFast();
        }

        /** Stops or counts a bad map; any other failure stops. */
        static void handle(SkipReport skips, IOException failure) throws IOException {
            if (!(failure instanceof BadInputException bad)) {
                throw failure;
            }
            skips.handle(bad);
        }

        static void print(SkipReport skips) {
            if (skips.total() > 0) {
                System.err.println(skips);
            }
        }
    }

    /** {@code cyborg measure entropy}. */
    @Command(name = "entropy", mixinStandardHelpOptions = true,
            description = {
                "Shannon entropy of each map's histogram, as skimage.measure.shannon_entropy (base 2), and"
                    + " normalised by log2(number of pixels) to [0,1].",
                "",
                "Prints CSV: file,entropy_bits,entropy_normalized",
                "",
                "Examples:",
                "  cyborg measure entropy maps/*.png",
                "  cyborg measure entropy maps/    (every map under the folder, sorted by path)"
            })
    static final class Entropy implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "MAP",
                description = "Map images, or folders: every image file under a folder, in sorted order.")
        List<Path> maps;

        @CommandLine.Mixin
        SkipOption skip = new SkipOption();

        @Override
        public Integer call() throws Exception {
            SkipReport skips = skip.report();
            PrintWriter out = new PrintWriter(System.out);
            out.println("file,entropy_bits,entropy_normalized");
            try {
                OrderedParallel.run(MapTree.expand(maps), OrderedParallel.cores(), SavedMapMeasures::entropy,
                        (file, e, failure) -> {
                            if (failure != null) {
                                SkipOption.handle(skips, failure);
                            } else {
                                out.printf(Locale.ROOT, "%s,%.10f,%.10f%n", file, e.bits(), e.normalized());
                            }
                        });
            } finally {
                out.flush();
            }
            SkipOption.print(skips);
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
                "One pair (A B) prints the number; many pairs (--pairs or --dirs) print CSV a,b,ssim in input order.",
                "",
                "Examples:",
                "  cyborg measure ssim a.png b.png",
                "  cyborg measure ssim --pairs pairs.csv      (lines a,b; relative paths against the CSV's folder)",
                "  cyborg measure ssim --dirs gradcam/ human/ (the maps at the same relative path in both)"
            })
    static final class Structural implements Callable<Integer> {
        @Parameters(arity = "0..2", paramLabel = "MAP", description = "The two maps A B of one pair.")
        List<Path> pair;

        @Option(names = "--pairs", paramLabel = "CSV",
                description = "A CSV of pairs, one 'a,b' line each (an optional header line is recognised by having"
                        + " no image file names); relative paths are against the CSV's folder.")
        Path pairs;

        @Option(names = "--dirs", arity = "2", paramLabel = "DIR",
                description = "Two folders: compares each map under the first with the map at the same relative path"
                        + " under the second; maps found in only one are counted on stderr.")
        List<Path> dirs;

        @CommandLine.Mixin
        SkipOption skip = new SkipOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            int forms = (pair != null && !pair.isEmpty() ? 1 : 0) + (pairs != null ? 1 : 0) + (dirs != null ? 1 : 0);
            if (forms != 1 || (pair != null && !pair.isEmpty() && pair.size() != 2)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give two maps A B, or --pairs CSV, or --dirs DIR_A DIR_B (exactly one of them)");
            }
            if (pairs == null && dirs == null) {
                return one(pair.get(0), pair.get(1));
            }
            SkipReport skips = skip.report();
            PrintWriter out = new PrintWriter(System.out);
            out.println("a,b,ssim");
            try (MapPairs.Source source = pairs != null ? MapPairs.fromCsv(pairs) : MapPairs.fromDirs(dirs.get(0), dirs.get(1))) {
                OrderedParallel.<MapPair, Double>run(source, OrderedParallel.cores(), SavedMapMeasures::ssim,
                        (p, ssim, failure) -> {
                            if (failure != null) {
                                SkipOption.handle(skips, failure);
                            } else {
                                out.printf(Locale.ROOT, "%s,%s,%.10f%n", p.shownA(), p.shownB(), ssim);
                            }
                        });
                out.flush();
                if (!source.note().isEmpty()) {
                    System.err.println(source.note());
                }
            } finally {
                out.flush();
            }
            SkipOption.print(skips);
            return 0;
        }

        private static int one(Path a, Path b) throws IOException {
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
