package cyborg.cli;

import cyborg.data.Sample;
import cyborg.web.AnnotateConfig;
import cyborg.web.AnnotateServer;
import cyborg.web.Listen;
import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.GoldList;
import cyborg.web.annotate.ImageCatalog;
import cyborg.web.annotate.ImageMaps;
import cyborg.web.annotate.Instructions;
import cyborg.web.annotate.Study;
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
            "A study: --instructions (shown first), --practice N pairs with feedback, hidden --gold pairs from"
                + " --gold-images or the images with a map in --maps, and --overlap K0 so agreement is measured"
                + " early. Annotators may skip a pair they cannot decide; it goes to someone else.",
            "",
            "Examples:",
            "  cyborg annotate --folder data/faces --db annotations.db",
            "  cyborg annotate --csv splits.csv --images data --split train --per-image 5 --port 9000",
            "  cyborg annotate --folder data/faces --instructions study.md --practice 3 --maps maps --gold 0.1"
                + " --gold-images gold.txt --overlap 2",
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

    @Option(names = "--instructions", paramLabel = "FILE.md",
            description = "The study's instructions, in Markdown: shown after sign-in, before the first task, and"
                    + " reopened from a link on the page. Raw HTML in it is shown as text. Without it the page"
                    + " shows a short text of the protocol (pick the synthetic face, paint what gave it away).")
    Path instructions;

    @Option(names = "--practice", defaultValue = "0", paramLabel = "N",
            description = "Each annotator's first N tasks are practice (default: ${DEFAULT-VALUE}): answered like"
                    + " real ones, then told right or wrong, which face was synthetic and, with --maps, shown the"
                    + " human maps of those images. Practice answers are kept apart and never exported.")
    int practice;

    @Option(names = "--maps", paramLabel = "DIR",
            description = "Human maps of the data set, laid out as 'cyborg train --maps' reads them: shown as"
                    + " practice feedback, the gold list when --gold-images is not given, and what gold masks are"
                    + " scored against (IoU in the overview).")
    Path maps;

    @Option(names = "--gold", defaultValue = "0", paramLabel = "FRACTION",
            description = "After practice, each task is a gold pair with this chance (0..1; default: ${DEFAULT-VALUE})"
                    + " while the annotator has gold images left. Gold pairs look exactly like work; their answers"
                    + " are saved, and the overview shows each annotator's gold accuracy and mask IoU against the"
                    + " gold maps ('export --min-gold-accuracy' drops the careless).")
    double gold;

    @Option(names = "--gold-images", paramLabel = "FILE",
            description = "The gold images: one image path a line, relative to the data root (e.g."
                    + " real/ffhq/0000.png), '#' starts a comment. Default: the images that have a map in --maps."
                    + " Gold images are never handed out as ordinary work.")
    Path goldImages;

    @Option(names = "--overlap", defaultValue = "1", paramLabel = "K0",
            description = "Give each image K0 annotators before starting fresh images (default: ${DEFAULT-VALUE},"
                    + " least-annotated first). With 2, a second mask arrives for each image early, so agreement"
                    + " (IoU/SSIM) can be measured from the start. At most --per-image.")
    int overlap;

    @Override
    public Integer call() throws Exception {
        if (pairs && single) {
            throw new IllegalArgumentException("give --pairs or --single, not both");
        }
        // options checked, and the port found free, before the images are scanned and registered in --db
        Study options = new Study(null, practice, gold, java.util.Set.of(), overlap, ImageMaps.NONE); // checks them
        if (goldImages != null && gold == 0) {
            throw new IllegalArgumentException("--gold-images without --gold: give --gold FRACTION (e.g. 0.1), the"
                    + " share of tasks that are gold pairs; else the gold images would never be shown");
        }
        if (gold > 0 && goldImages == null && maps == null) {
            throw new IllegalArgumentException("--gold needs gold images: give --gold-images FILE, or --maps DIR"
                    + " (the images with a map are then the gold list)");
        }
        String instructionsHtml = instructions == null ? null : Instructions.html(instructions);
        AnnotateConfig config = new AnnotateConfig(listen.host, listen.port, single ? Mode.SINGLE : Mode.PAIR, perImage,
                requireTokens, listen.token(), AnnotateConfig.DEFAULT_MAX_BODY_BYTES, allowHosts);
        Study.checkOverlap(overlap, perImage); // after the config, which checks --per-image itself
        Listen.requireFree(listen.host, listen.port);
        List<Sample> samples = data.select(data.skipReport(), split, null);
        Path root = data.folder != null ? data.folder : data.images;
        AnnotationStore store = AnnotationStore.open(db);
        AnnotateServer server;
        try {
            ImageCatalog catalog = ImageCatalog.register(store, root, samples);
            ImageMaps imageMaps = maps == null ? ImageMaps.NONE : ImageMaps.scan(maps, samples, catalog);
            if (maps != null) {
                System.out.printf("maps: %d of %d image(s) have a human map in %s%s%n", imageMaps.images().size(),
                        samples.size(), maps, imageMaps.unmatched().isEmpty() ? "" : "; " + imageMaps.unmatched().size()
                        + " map file(s) belong to none of them (e.g. " + imageMaps.unmatched().get(0) + "): "
                        + cyborg.data.MapIndex.MATCHING);
            }
            java.util.Set<Long> goldList = goldImages != null ? GoldList.read(goldImages, catalog)
                    : gold > 0 ? imageMaps.images() : java.util.Set.of();
            if (gold > 0 && goldList.isEmpty()) {
                throw new IllegalArgumentException("--gold " + gold + " but no gold image: " + (goldImages != null
                        ? goldImages + " lists none" : "no image of this run has a map in " + maps));
            }
            Study study = new Study(instructionsHtml, options.practice(), options.gold(), goldList, options.overlap(),
                    imageMaps);
            study.requireWork(catalog.all(), config.mode(), goldImages != null ? goldImages.toString()
                    : "the images with a map in " + maps);
            server = AnnotateServer.start(config, store, catalog, study);
            if (practice > 0 || gold > 0 || overlap > 1 || instructions != null) {
                System.out.printf(java.util.Locale.ROOT, "study: %s, %d practice task(s) each, gold pairs %s, overlap"
                        + " %d%n", instructions == null ? "built-in instructions" : "instructions " + instructions,
                        practice, gold > 0 ? String.format(java.util.Locale.ROOT, "%.0f%% of tasks from %d gold"
                        + " image(s)", gold * 100, goldList.size()) : "off", overlap);
            }
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
