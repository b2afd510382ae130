package cyborg.cli;

import cyborg.web.annotate.AnnotationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cyborg annotate add-reviewer}: someone who may read the overview, with a token. */
@Command(name = "add-reviewer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Add a reviewer and print their token (only its hash is stored). The overview (/overview.html and"
                + " GET /api/v1/annotate/overview) shows every image's label and every annotator's accuracy,"
                + " so only a reviewer's token opens it (header X-Reviewer-Token); an annotator's never does.",
            "Run again for an existing name to replace a lost token. Works while the server runs.",
            "",
            "Example:",
            "  cyborg annotate add-reviewer --db annotations.db lead"
        })
final class AnnotateAddReviewerCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The annotation database.")
    Path db;

    @Parameters(paramLabel = "NAME", description = "Letters, digits, '.', '_', '-'.")
    String name;

    @Override
    public Integer call() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(db)) {
            System.out.println(store.addReviewer(name));
        }
        return 0;
    }
}
