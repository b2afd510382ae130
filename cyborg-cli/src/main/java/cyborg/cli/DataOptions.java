package cyborg.cli;

import cyborg.data.FolderLayout;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where images come from: a reference split CSV with an image root, or a folder layout. */
final class DataOptions {
    @Option(names = "--csv", paramLabel = "FILE",
            description = "Reference split file: no header, rows split,class,relpath (class Real or Synthetic).")
    Path csv;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Image root: each image is DIR + relpath (with --csv).")
    Path images;

    @Option(names = "--folder", paramLabel = "DIR",
            description = "Folder layout instead of a CSV: DIR/real/<source>/*, DIR/synthetic/<generator>/*"
                    + " (also 0_real, 1_fake); optional DIR/train, DIR/val, DIR/test sub-folders.")
    Path folder;

    @Option(names = "--skip-bad",
            description = "Skip unreadable images and bad rows, and report how many by reason, instead of stopping.")
    boolean skipBad;

    SkipReport skipReport() {
        return skipBad ? SkipReport.skipping() : SkipReport.failFast();
    }

    /**
     * The data root: the folder of a folder layout, or the image root of a split file. Images are
     * identified by their path under it (see {@link cyborg.data.ImageId}).
     */
    Path root() {
        return folder != null ? folder : images;
    }

    /** Every sample, from whichever source was given. */
    List<Sample> read(SkipReport skips) throws IOException {
        if (folder != null) {
            if (csv != null) {
                throw new IllegalArgumentException("give either --folder or --csv with --images, not both");
            }
            FolderLayout.Scan scan = FolderLayout.scan(folder, "test", skips);
            scan.ignored().note().ifPresent(System.out::println);
            return scan.samples();
        }
        if (csv == null || images == null) {
            throw new IllegalArgumentException("give --csv FILE with --images DIR, or --folder DIR");
        }
        return SplitCsv.read(csv, images, skips);
    }

    /**
     * The images a command works on: every image of a folder layout, or the CSV rows of
     * {@code split} ({@code all} for every row), the first {@code limit} of them if given.
     */
    List<Sample> select(SkipReport skips, String split, Integer limit) throws IOException {
        List<Sample> all = read(skips);
        List<Sample> samples = folder != null || split.equals("all") ? all : split(all, split);
        if (limit != null) {
            samples = samples.subList(0, Math.min(limit, samples.size()));
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no images to work on" + (folder == null
                    ? " in the '" + split + "' rows of " + csv + "; choose --split train|val|test|all" : " in " + folder));
        }
        return samples;
    }

    /** The samples of one split. */
    static List<Sample> split(List<Sample> all, String split) {
        return all.stream().filter(s -> s.split().equals(split)).toList();
    }
}
