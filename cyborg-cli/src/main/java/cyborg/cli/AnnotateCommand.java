package cyborg.cli;

import cyborg.data.Sample;
import cyborg.web.AnnotateConfig;
import cyborg.web.AnnotateServer;
import cyborg.web.Listen;
import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.ImageCatalog;
import cyborg.web.annotate.Mode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cyborg annotate}: the browser tool that collects human saliency. */
@Command(name = "annotate", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {AnnotateAddAnnotatorCommand.class, AnnotateAddReviewerCommand.class, AnnotateExportCommand.class,
            AnnotateImportCommand.class, AnnotateReportCommand.class},
        description = {
            "Collect human saliency in the browser, the way the CYBORG data were collected.",
            "",
            "Serves a page at / and a JSON API: each annotator is shown a Real and a Synthetic image side by side"
                + " (--pairs, the default) or one image (--single), says which is synthetic, and paints the regions"
                + " that decided it. Every answer is saved to the SQLite database --db before the page is told"
                + " 'saved'. Each image goes to at most --per-image annotators, never twice to the same one.",
            "Annotators are identified by name (created on first use), or with --require-tokens only by the"
                + " token 'cyborg annotate add-annotator' printed for them. The overview (labels, accuracy) is for"
                + " reviewers: 'cyborg annotate add-reviewer' prints their token.",
            "Images are identified by their path relative to the data root: restart with the same --db to"
                + " continue, even with the root spelled otherwise or moved; a database of another data set"
                + " is refused.",
            "",
            "Examples:",
            "  cyborg annotate --folder data/faces --db annotations.db",
            "  cyborg annotate --csv splits.csv --images data --split train --per-image 5 --port 9000",
            "  cyborg annotate add-annotator --db annotations.db alice",
            "  cyborg annotate add-reviewer --db annotations.db lead",
            "  cyborg annotate export --db annotations.db --maps maps --jsonl annotations.jsonl",
            "  cyborg annotate report --db annotations.db --out study-report --folder data/faces",
            "  cyborg train ... --maps maps"
        })
final class AnnotateCommand implements Callable<Integer>, DrainsOnStop {
    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--split", defaultValue = "train",
            description = "With --csv: the rows to annotate, train|val|test|all (default: ${DEFAULT-VALUE}).")
    String split;

    @Writes
    @Option(names = "--db", defaultValue = "annotations.db", paramLabel = "FILE",
            description = "The annotation database (default: ${DEFAULT-VALUE}; created if missing).")
    Path db;

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Option(names = "--pairs", description = "Show a Real and a Synthetic image side by side (the default).")
    boolean pairs;

    @Option(names = "--single", description = "Show one image at a time: real, synthetic or unsure.")
    boolean single;

    @Option(names = "--per-image", defaultValue = "3", paramLabel = "K",
            description = "Annotators per image at most (default: ${DEFAULT-VALUE}).")
    int perImage;

    @Option(names = "--require-tokens",
            description = "Only annotators added with 'annotate add-annotator' may annotate, with their token.")
    boolean requireTokens;

    @Option(names = "--allow-host", paramLabel = "NAME[:PORT]",
            description = "A name browsers reach this server by besides its own addresses (a reverse proxy's, a DNS"
                    + " alias); repeatable. The API refuses requests whose Host or Origin names anything else.")
    List<String> allowHosts = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (pairs && single) {
            throw new IllegalArgumentException("give --pairs or --single, not both");
        }
        // options checked, and the port found free, before the images are scanned and registered in --db
        AnnotateConfig config = new AnnotateConfig(listen.host, listen.port, single ? Mode.SINGLE : Mode.PAIR, perImage,
                requireTokens, listen.token(), AnnotateConfig.DEFAULT_MAX_BODY_BYTES, allowHosts);
        Listen.requireFree(listen.host, listen.port);
        List<Sample> samples = data.select(data.skipReport(), split, null);
        Path root = data.folder != null ? data.folder : data.images;
        AnnotationStore store = AnnotationStore.open(db);
        AnnotateServer server;
        try {
            ImageCatalog catalog = ImageCatalog.register(store, root, samples);
            server = AnnotateServer.start(config, store, catalog);
        } catch (Exception e) {
            store.close();
            throw e;
        }
        ListenOptions.runUntilStopped("cyborg-annotate", String.format("cyborg annotate: %d image(s), saving to %s;"
                + " ready at %s (Ctrl-C stops)", samples.size(), db, listen.url(server.port())), () -> {
                    server.close(); // answers the saves in flight first
                    try {
                        store.close();
                    } catch (java.io.IOException e) {
                        System.err.println("error: " + e.getMessage());
                    }
                });
        return 0;
    }
}
