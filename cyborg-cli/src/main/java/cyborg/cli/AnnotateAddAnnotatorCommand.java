package cyborg.cli;

import cyborg.web.annotate.AnnotationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cyborg annotate add-annotator}: an annotator with a token. */
@Command(name = "add-annotator", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Add an annotator and print their token (give it to them; only its hash is stored).",
            "Run again for an existing name to replace a lost token.",
            "",
            "Example:",
            "  cyborg annotate add-annotator --db annotations.db alice"
        })
final class AnnotateAddAnnotatorCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The annotation database.")
    Path db;

    @Parameters(paramLabel = "NAME", description = "Letters, digits, '.', '_', '-' (it names their map folder).")
    String name;

    @Override
    public Integer call() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(db)) {
            System.out.println(store.addAnnotator(name));
        }
        return 0;
    }
}
