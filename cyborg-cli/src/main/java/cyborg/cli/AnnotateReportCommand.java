package cyborg.cli;

import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.StudyReport;
import cyborg.web.annotate.StudyStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code cyborg annotate report}: the study's summary, as Markdown and JSON with figures. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Write a study report into --out: " + StudyReport.MARKDOWN + " (tables and figures a paper can cite,"
                + " with what each number means) and " + StudyReport.JSON + " (the same numbers).",
            "It gives the annotators and annotations (work, gold, imported), skips, time per annotation (median and"
                + " quartiles of decide, paint and both), throughput per annotator (per hour of deciding and"
                + " painting, and per hour from first to last save), accuracy and gold accuracy, the rejected share"
                + " of reviewed annotations, agreement per image (mean pairwise IoU and SSIM, with histograms as PNG"
                + " and SVG), and per class a grid of the --grid most-annotated images with their mean mask and the"
                + " class's mean mask (PNG); with --maps, each annotator's IoU against the data set's human maps.",
            "Rejected annotations are left out of agreement and masks, as export leaves them out. Masks are drawn"
                + " over their images when the data root is given (--folder, or --images: as annotate was started),"
                + " on black otherwise.",
            "",
            "Example:",
            "  cyborg annotate report --db annotations.db --out study-report --folder data/faces --grid 8"
        })
final class AnnotateReportCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The annotation database.")
    Path db;

    @Writes(files = {StudyReport.MARKDOWN, StudyReport.JSON})
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for the report and its figures (created if missing; files in it replaced).")
    Path out;

    @Option(names = {"--folder", "--images"}, paramLabel = "DIR",
            description = "The data root annotate was started with (its --folder, or its --images with --csv): the"
                    + " masks are drawn over their images. Without it, on black.")
    Path root;

    @Option(names = "--maps", paramLabel = "DIR",
            description = "The data set's human maps, as 'cyborg train --maps' reads them: the report adds each"
                    + " annotator's mean IoU against them.")
    Path maps;

    @Option(names = "--grid", defaultValue = "8", paramLabel = "N",
            description = "Images per class in the mean-mask grid, most-annotated first (default: ${DEFAULT-VALUE}).")
    int grid;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(db)) {
            throw new IllegalArgumentException(db + ": no such annotation database; check --db");
        }
        StudyReport.Report r;
        try (AnnotationStore store = AnnotationStore.open(db)) {
            r = StudyReport.write(store, out, root, grid, maps);
        }
        StudyStats.Group all = r.study().overall();
        System.out.printf(Locale.ROOT, "report of %d annotator(s), %d annotation(s) (%d work, %d gold, %d imported),"
                + " %d skip(s) written to %s%n", r.study().annotators(), all.annotations(), all.work(), all.gold(),
                all.imported(), all.skips(), out.resolve(StudyReport.MARKDOWN));
        System.out.printf(Locale.ROOT, "agreement over %d image(s) with 2+ masks; %d rejected annotation(s) left"
                + " out; %d figure(s)%s%n", r.agreement().imagesWithTwoOrMoreMasks(), r.rejectedLeftOut(),
                r.figures().size(), root == null ? " (masks drawn without their images: no --folder/--images)" : "");
        if (r.humanMaps() != null) {
            System.out.printf(Locale.ROOT, "masks against the human maps of %s: %d compared, mean IoU %s%n", maps,
                    r.humanMaps().overall().masks(), r.humanMaps().overall().meanIou() == null ? "-"
                            : String.format(Locale.ROOT, "%.3f", r.humanMaps().overall().meanIou()));
        }
        return 0;
    }
}
