package cyborg.cli;

import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.MaskImports;
import cyborg.web.annotate.imports.Imported;
import cyborg.web.annotate.imports.MaskFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cyborg annotate import}: masks drawn in another tool into the annotation database. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Import masks from Label Studio (brush RLE) or COCO (RLE or polygons) into the annotation database.",
            "Each mask is matched to a database image by file name (start 'cyborg annotate' on the data once so"
                + " the database knows its images); unknown images, ambiguous names and size mismatches are"
                + " skipped and counted.",
            "",
            "Example:",
            "  cyborg annotate import --db annotations.db --from labelstudio export.json"
        })
final class AnnotateImportCommand implements Callable<Integer> {
    @Writes
    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The annotation database.")
    Path db;

    @Option(names = "--from", required = true, paramLabel = "FORMAT",
            description = "The file's format: ${COMPLETION-CANDIDATES}.")
    MaskImports.Format format;

    @Parameters(paramLabel = "FILE", description = "The exported annotations.")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        Imported read = MaskFormats.read(format, file);
        try (AnnotationStore store = AnnotationStore.open(db)) {
            MaskImports.Report report = MaskImports.into(store, read.masks(), format);
            System.out.printf("imported %d mask(s) from %s%n", report.imported(), file);
            if (!read.skipped().isEmpty()) {
                System.out.printf("  skipped %d annotation(s) without a usable mask, e.g. %s%n",
                        read.skipped().size(), read.skipped().get(0));
            }
            report.counts().forEach((outcome, n) -> {
                if (outcome != AnnotationStore.ImportOutcome.IMPORTED) {
                    System.out.printf("  skipped %d: %s%n", n, outcome.name().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', ' '));
                }
            });
        }
        return 0;
    }
}
