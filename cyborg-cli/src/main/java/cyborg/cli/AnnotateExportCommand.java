package cyborg.cli;

import cyborg.web.annotate.Agreement;
import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.AnnotatorFilter;
import cyborg.web.annotate.MapExport;
import cyborg.web.annotate.Review;
import cyborg.web.annotate.ReviewFilter;
import cyborg.web.annotate.StoredAnnotation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code cyborg annotate export}: saved masks as the maps 'cyborg train --maps' reads. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Write the saved masks as maps for 'cyborg train --maps DIR': DIR/<annotator>/ID.png (ID: the"
                + " image's path under the data root without extension, e.g. real/ffhq/0000; 8-bit gray 0/255 at"
                + " the image's size), and DIR/"
                + MapExport.REPORT + ": per image the mean pairwise IoU and SSIM of the masks and human accuracy.",
            "Merged maps (the mean over annotators) go only to --merged, a separate folder: in DIR they would be"
                + " averaged together with the per-annotator maps.",
            "Annotations a reviewer rejected (on /review.html; the newest verdict counts) are left out, and"
                + " counted per annotator; accepted and unreviewed ones are kept, or only accepted ones with"
                + " --accepted-only.",
            "",
            "Example:",
            "  cyborg annotate export --db annotations.db --maps maps --jsonl annotations.jsonl --min-accuracy 0.6"
        })
final class AnnotateExportCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The annotation database.")
    Path db;

    @Writes
    @Option(names = "--maps", required = true, paramLabel = "DIR", description = "Folder for per-annotator maps.")
    Path maps;

    @Writes
    @Option(names = "--merged", paramLabel = "DIR",
            description = "Also write one merged map per image here (must not be --maps).")
    Path merged;

    @Writes
    @Option(names = "--jsonl", paramLabel = "FILE", description = "Also write every kept record as JSON lines.")
    Path jsonl;

    @Option(names = "--min-accuracy", paramLabel = "X",
            description = "Drop annotators whose share of correct decisions is below X (0..1).")
    Double minAccuracy;

    @Option(names = "--min-gold-accuracy", paramLabel = "X",
            description = "Drop annotators whose share of correct decisions on gold pairs (annotate --gold) is below"
                    + " X (0..1). Annotators with no gold decisions are kept, and named.")
    Double minGoldAccuracy;

    @Option(names = "--exclude", paramLabel = "ANNOTATOR", description = "Drop this annotator (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--accepted-only", description = "Keep only annotations a reviewer accepted (default: every"
            + " one not rejected, so unreviewed ones too).")
    boolean acceptedOnly;

    @Override
    public Integer call() throws Exception {
        AnnotatorFilter filter = new AnnotatorFilter(Set.copyOf(exclude), minAccuracy,
                minGoldAccuracy); // its options checked first
        if (merged != null && merged.toAbsolutePath().normalize().equals(maps.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--merged must be another folder than --maps: 'cyborg train --maps'"
                    + " would average the merged maps together with the per-annotator ones");
        }
        if (!Files.isRegularFile(db)) {
            throw new IllegalArgumentException(db + ": no such annotation database; check --db");
        }
        List<StoredAnnotation> all;
        Map<Long, Review> reviews;
        try (AnnotationStore store = AnnotationStore.open(db)) {
            all = store.annotations();
            reviews = store.reviews();
        }
        // annotators are judged on all their decisions first: a rejected mask must not raise its annotator's accuracy
        AnnotatorFilter.Result kept = filter.apply(all);
        kept.dropped().forEach(d -> System.out.println("dropped " + d));
        kept.unjudged().forEach(n -> System.out.println("kept " + n + " (no gold decisions: nothing to judge by"
                + " --min-gold-accuracy)"));
        ReviewFilter.Result reviewed = new ReviewFilter(acceptedOnly).apply(kept.kept(), reviews);
        for (ReviewFilter.LeftOut l : reviewed.leftOut()) {
            List<String> why = new ArrayList<>();
            if (l.rejected() > 0) {
                why.add(l.rejected() + " rejected");
            }
            if (l.unreviewed() > 0) {
                why.add(l.unreviewed() + " not reviewed (--accepted-only)");
            }
            System.out.printf("left out %d annotation(s) of %s: %s%n", l.total(), l.annotator(), String.join(", ", why));
        }
        MapExport.Summary s = MapExport.write(reviewed.kept(), reviews, maps, merged, jsonl);
        System.out.printf("exported %d map(s) of %d record(s) to %s%s%s%n", s.maps(), s.records(), maps,
                merged == null ? "" : ", " + s.merged() + " merged map(s) to " + merged,
                jsonl == null ? "" : ", records to " + jsonl);
        for (Agreement.AnnotatorRecord a : s.annotators()) {
            System.out.printf(Locale.ROOT, "  %-20s %5d annotation(s)  accuracy %s%n", a.name(), a.annotations(),
                    a.accuracy() == null ? "-" : String.format(Locale.ROOT, "%.3f", a.accuracy()));
        }
        System.out.printf(Locale.ROOT, "agreement over %d image(s) with 2+ masks: mean IoU %s, mean SSIM %s (per image:"
                + " %s)%n", s.agreement().stream().filter(a -> a.iou() != null).count(),
                mean(s.agreement().stream().map(Agreement.ImageAgreement::iou).toList()),
                mean(s.agreement().stream().map(Agreement.ImageAgreement::ssim).toList()),
                maps.resolve(MapExport.REPORT));
        return 0;
    }

    private static String mean(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (Double v : values) {
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? "-" : String.format(Locale.ROOT, "%.3f", sum / n);
    }
}
