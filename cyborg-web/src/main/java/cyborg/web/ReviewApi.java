package cyborg.web;

import com.google.gson.JsonObject;
import cyborg.image.ImageDecodeException;
import cyborg.web.annotate.Agreement;
import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.ImageCatalog;
import cyborg.web.annotate.ImageRecord;
import cyborg.web.annotate.Review;
import cyborg.web.annotate.ReviewQueue;
import cyborg.web.annotate.StoredAnnotation;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The review handlers of {@code cyborg annotate} (routes in {@link AnnotateServer}): reviewers walk
 * the annotations of this run's images, see each mask over its image beside the others, and accept
 * or reject it. Every route needs a reviewer's token: the list shows labels and who answered what.
 */
final class ReviewApi {
    private static final String WHY = "reviewing shows every image's label and every annotator's answers";
    private static final String WHAT = "the review";

    private final AnnotationStore store;
    private final ImageCatalog catalog;
    private final Reviewers reviewers;
    private final InFlight inFlight;

    ReviewApi(AnnotationStore store, ImageCatalog catalog, Reviewers reviewers, InFlight inFlight) {
        this.store = store;
        this.catalog = catalog;
        this.reviewers = reviewers;
        this.inFlight = inFlight;
    }

    record ImageRef(long id, String url, String name, String label, int width, int height) {
    }

    record ReviewRef(String verdict, String reason, String reviewer, String created) {
    }

    record Agreed(int masks, Double iou, Double ssim, int decisions, Double accuracy) {
    }

    record Other(long id, String annotator, Double iou, String verdict, String maskUrl) {
    }

    record Item(long id, String annotator, String kind, String mode, String source, ImageRef image,
            ImageRef otherImage, String decision, Boolean correct, Long msDecide, Long msPaint, String text,
            String created, String maskUrl, ReviewRef review, Agreed agreement, List<Other> others) {
    }

    record Listing(String by, boolean unreviewedOnly, int total, int reviewed, int accepted, int rejected,
            List<Item> items) {
    }

    record Recorded(long annotation, ReviewRef review, int total, int reviewed, int accepted, int rejected) {
    }

    /** GET review?by=image|annotator&amp;unreviewed=true: the walk, and how far the review is. */
    void list(Context ctx) throws IOException {
        reviewers.require(ctx, WHY, WHAT);
        ReviewQueue.Order order;
        try {
            order = ReviewQueue.Order.parse(ctx.queryParam("by"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(ErrorKind.BAD_REQUEST, e.getMessage());
        }
        boolean unreviewed = flag(ctx.queryParam("unreviewed"));
        List<StoredAnnotation> here = annotationsHere();
        Map<Long, Review> reviews = store.reviews();
        List<ReviewQueue.Item> items;
        try {
            items = ReviewQueue.build(here, reviews, order, unreviewed);
        } catch (ImageDecodeException e) {
            throw new IOException("a stored mask cannot be read: " + e.getMessage(), e);
        }
        List<Item> out = new ArrayList<>();
        for (ReviewQueue.Item i : items) {
            out.add(item(i));
        }
        ReviewQueue.Counts c = ReviewQueue.counts(here, reviews);
        Json.send(ctx, 200, new Listing(order.name().toLowerCase(Locale.ROOT), unreviewed, c.total(), c.reviewed(),
                c.accepted(), c.rejected(), out));
    }

    /**
     * POST review {"annotation": ID, "verdict": "accept"|"reject", "reason": TEXT}: records the
     * verdict (the newest counts); a rejection needs a reason, which export and the study report show.
     */
    void record(Context ctx) throws IOException {
        inFlight.admit(ctx); // a stop waits for this write and its answer
        String reviewer = reviewers.require(ctx, WHY, WHAT);
        JsonObject body = AnnotateApi.parseBody(ctx);
        long id = AnnotateApi.number(body, "annotation");
        String verdict = AnnotateApi.string(body, "verdict");
        String reason = AnnotateApi.string(body, "reason");
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        if (!Review.ACCEPT.equals(verdict) && !Review.REJECT.equals(verdict)) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "'verdict' must be " + Review.ACCEPT + " or " + Review.REJECT);
        }
        if (reason != null && reason.length() > AnnotateApi.MAX_REASON_CHARS) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "'reason' is " + reason.length() + " characters; keep it under "
                    + AnnotateApi.MAX_REASON_CHARS);
        }
        if (Review.REJECT.equals(verdict) && reason == null) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "a rejection needs a 'reason': say what is wrong with the"
                    + " mask (it is kept with the verdict and exported with the record)");
        }
        requireHere(id);
        store.review(id, reviewer, verdict, reason);
        Map<Long, Review> reviews = store.reviews();
        ReviewQueue.Counts c = ReviewQueue.counts(annotationsHere(), reviews);
        Json.send(ctx, 200, new Recorded(id, ref(reviews.get(id)), c.total(), c.reviewed(), c.accepted(),
                c.rejected()));
    }

    /** GET review/mask/{id}: an annotation's stored mask (8-bit gray PNG, 0/255, the image's size). */
    void mask(Context ctx) throws IOException {
        reviewers.require(ctx, WHY, WHAT);
        long id = AnnotateApi.parseId(ctx.pathParam("id"), "annotation");
        AnnotationStore.MaskOf m = requireHere(id);
        if (m.png() == null) {
            throw new ApiError(ErrorKind.NOT_FOUND, "annotation " + id + " has no mask (an unsure answer)");
        }
        // private: a mask is an annotator's answer, for reviewers only; it never changes once saved
        ctx.contentType("image/png").header("Cache-Control", "private, max-age=3600").result(m.png());
    }

    /** The annotation, if it is one of an image this run shows; else 404. */
    private AnnotationStore.MaskOf requireHere(long id) throws IOException {
        return store.maskOf(id).filter(m -> catalog.image(m.image()).isPresent())
                .orElseThrow(() -> new ApiError(ErrorKind.NOT_FOUND, "no annotation " + id + " of this annotation"
                        + " run's images; the list is GET " + AnnotateServer.REVIEW));
    }

    /** The annotations of the images this run shows (a database may hold other splits' too). */
    private List<StoredAnnotation> annotationsHere() throws IOException {
        return catalog.annotationsHere(store.annotations());
    }

    private static Item item(ReviewQueue.Item i) {
        StoredAnnotation a = i.annotation();
        Agreement.ImageAgreement g = i.agreement();
        List<Other> others = i.others().stream().map(o -> new Other(o.id(), o.annotator(), o.iou(), o.verdict(),
                maskUrl(o.id()))).toList();
        return new Item(a.id(), a.annotator(), a.kind(), a.mode(), a.source(), image(a.image()),
                a.otherImage() == null ? null : image(a.otherImage()), a.decision(), a.correct(), a.msDecide(),
                a.msPaint(), a.text(), a.created(), a.maskPng() == null ? null : maskUrl(a.id()), ref(i.review()),
                new Agreed(g.masks(), g.iou(), g.ssim(), g.decisions(), g.accuracy()), others);
    }

    private static ImageRef image(ImageRecord r) {
        return new ImageRef(r.id(), AnnotateServer.API + "/image/" + r.id(), r.name(), r.label().displayName(),
                r.width(), r.height());
    }

    private static String maskUrl(long annotation) {
        return AnnotateServer.REVIEW + "/mask/" + annotation;
    }

    private static ReviewRef ref(Review r) {
        return r == null ? null : new ReviewRef(r.verdict(), r.reason(), r.reviewer(), r.created());
    }

    private static boolean flag(String s) {
        if (s == null || s.isBlank()) {
            return false;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ApiError(ErrorKind.BAD_REQUEST, "'unreviewed' is true or false, not '" + s + "'");
        };
    }
}
