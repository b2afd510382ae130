package cyborg.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import cyborg.data.Label;
import cyborg.image.ImageDecodeException;
import cyborg.image.ImageFiles;
import cyborg.web.annotate.Agreement;
import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.Annotator;
import cyborg.web.annotate.Assigner;
import cyborg.web.annotate.GoldScore;
import cyborg.web.annotate.ImageCatalog;
import cyborg.web.annotate.ImageRecord;
import cyborg.web.annotate.Mask;
import cyborg.web.annotate.Mode;
import cyborg.web.annotate.NewAnnotation;
import cyborg.web.annotate.StoredAnnotation;
import cyborg.web.annotate.StudyStats;
import cyborg.web.annotate.Study;
import cyborg.web.annotate.Task;
import cyborg.web.annotate.TaskKind;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The handlers of {@code cyborg annotate}'s API (routes in {@link AnnotateServer}). */
final class AnnotateApi {
    private static final String TOKEN_HEADER = "X-Annotator-Token";
    /** Largest mask, in pixels, decoded (images larger than this cannot be annotated anyway). */
    private static final long MAX_MASK_PIXELS = 40_000_000L;
    /** Longest skip reason kept (the page's field allows as much). */
    /** The longest note a skip or a review may carry (the page's text fields allow as much). */
    static final int MAX_REASON_CHARS = 500;

    private final AnnotationStore store;
    private final ImageCatalog catalog;
    private final Assigner assigner;
    private final Annotators annotators;
    private final Reviewers reviewers;
    private final InFlight inFlight;

    AnnotateApi(AnnotationStore store, ImageCatalog catalog, Assigner assigner, Annotators annotators,
            Reviewers reviewers, InFlight inFlight) {
        this.store = store;
        this.catalog = catalog;
        this.assigner = assigner;
        this.annotators = annotators;
        this.reviewers = reviewers;
        this.inFlight = inFlight;
    }

    record ImageRef(long id, String url, int width, int height) {
    }

    /**
     * A task. {@code practice} is set on practice tasks only: gold tasks go out exactly as work ones,
     * so nothing an annotator sees tells them apart.
     */
    record TaskBody(long task, String mode, List<ImageRef> images, PracticeRef practice) {
    }

    /** Practice task {@code number} of {@code of}. */
    record PracticeRef(int number, int of) {
    }

    record DoneBody(boolean done, String message) {
    }

    record Progress(String annotator, int annotations, int decisions, int correct, Double accuracy,
            Integer imagesDone, Integer imagesTotal, int perImage, int practiceDone, int practiceTotal) {
    }

    /**
     * The answer to a practice task: whether it was right, which face was synthetic (pair mode) or
     * the image's label (single mode), and the human maps of its images the run has.
     */
    record PracticeFeedback(boolean practice, long task, Boolean correct, Long synthetic, String label,
            List<MapRef> maps, Progress progress) {
    }

    /** Where the human map of an image of an answered practice task is served. */
    record MapRef(long image, String url) {
    }

    /** What the page needs to know of the study before the first task; nothing about gold pairs. */
    record StudyBody(String mode, String instructionsHtml, int practice, int perImage) {
    }

    record SkippedBody(long skipped, Progress progress) {
    }

    record SavedBody(long saved, Boolean correct, Progress progress) {
    }

    /** @param study per-annotator times and throughput, as 'annotate report' computes them */
    record Overview(int imagesDone, int imagesTotal, int perImage, String mode,
            List<Agreement.AnnotatorRecord> annotators, List<Agreement.ImageAgreement> images,
            List<GoldScore.GoldRecord> gold, StudyStats.Study study) {
    }

    /**
     * POST next {"annotator": NAME}: a task (the open one again after a reload), or done. A POST: it
     * creates the annotator and reserves images, which no GET may do (a link or an image tag on any
     * page would do it for whoever opens that page).
     */
    void next(Context ctx) throws IOException {
        JsonObject body = parseBody(ctx);
        Annotator a = annotators.identify(string(body, "annotator"), token(ctx, body), true);
        Optional<Task> task = assigner.next(a);
        if (task.isEmpty()) {
            Json.send(ctx, 200, new DoneBody(true, "nothing left for " + a.name() + ": every image has been seen"
                    + " by " + assigner.perImage() + " annotator(s) or by you"));
            return;
        }
        List<ImageRef> images = new ArrayList<>();
        for (long id : task.get().images()) {
            ImageRecord i = catalog.image(id).orElseThrow(() -> unknownImage(id)); // the assigner hands out only these
            images.add(new ImageRef(id, AnnotateServer.API + "/image/" + id, i.width(), i.height()));
        }
        Json.send(ctx, 200, new TaskBody(task.get().id(), task.get().mode().key(), images,
                task.get().kind() == TaskKind.PRACTICE ? new PracticeRef(store.finished(a.id(), TaskKind.PRACTICE) + 1,
                        study().practice()) : null));
    }

    private Study study() {
        return assigner.study();
    }

    /** GET study: the mode, the instructions (safe HTML, or null for the page's own text), how many practice tasks. */
    void study(Context ctx) throws IOException {
        Json.send(ctx, 200, new StudyBody(assigner.mode().key(), study().instructionsHtml(), study().practice(),
                assigner.perImage()));
    }

    /**
     * GET image/{id}: the image, found by id in this run's catalog (never a path from the request).
     * PNGs go out as stored; every other format is decoded as training decodes it and sent as PNG,
     * so the browser can show TIFF too and a CMYK JPEG looks as the model sees it.
     */
    void image(Context ctx) throws IOException {
        long id = parseId(ctx.pathParam("id"), "image");
        Path file = catalog.file(id).orElseThrow(() -> unknownImage(id));
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] png;
        try {
            png = name.endsWith(".png") ? Files.readAllBytes(file) : ImageFiles.encodePng(ImageFiles.readRgb(file));
        } catch (ImageDecodeException e) {
            // the data changed since the server started: say which image, not "internal error"
            throw new ApiError(ErrorKind.INTERNAL, "image " + id + " of this annotation run cannot be read: "
                    + e.getMessage());
        }
        ctx.contentType("image/png").header("Cache-Control", "private, max-age=3600").result(png);
    }

    /** POST annotations: validates, saves (committed), then answers. */
    void save(Context ctx) throws IOException {
        inFlight.admit(ctx); // a stop waits for this save and its answer
        JsonObject body = parseBody(ctx);
        Annotator a = annotators.identify(string(body, "annotator"), token(ctx, body), false);
        List<Long> imageIds = longs(body, "images");
        for (long id : imageIds) {
            catalog.image(id).orElseThrow(() -> unknownImage(id));
        }
        long taskId = number(body, "task");
        Task task = store.task(taskId).orElseThrow(() -> new ApiError(ErrorKind.NOT_FOUND, "no task " + taskId
                + "; ask for one with POST " + AnnotateServer.NEXT));
        if (task.annotator() != a.id()) {
            throw new ApiError(ErrorKind.FORBIDDEN, "task " + taskId + " was handed to another annotator;"
                    + " answer your own tasks");
        }
        if (!imageIds.isEmpty() && !new HashSet<>(imageIds).equals(new HashSet<>(task.images()))) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "'images' " + imageIds + " are not those of task " + taskId
                    + " " + task.images());
        }
        if (task.kind() == TaskKind.PRACTICE) {
            practice(ctx, body, a, task); // a practice task cannot be skipped
            return;
        }
        Optional<AnnotationStore.Answer> earlier = store.answerOf(taskId);
        NewAnnotation annotation = earlier.isPresent() ? null
                : task.mode() == Mode.PAIR ? pairAnswer(body, a, task) : singleAnswer(body, a, task); // checked first
        long saved;
        synchronized (store) { // with skip's check: a save and a skip of one task at once cannot both be recorded
            if (store.skipped(taskId)) {
                throw new ApiError(ErrorKind.CONFLICT, "task " + taskId + " was skipped; ask for the next one with POST "
                        + AnnotateServer.NEXT);
            }
            earlier = store.answerOf(taskId);
            saved = earlier.isPresent() ? -1 : store.save(annotation);
        }
        if (earlier.isPresent()) { // a retry of a save whose answer was lost: same answer, nothing saved twice
            Json.send(ctx, 200, new SavedBody(earlier.get().id(), earlier.get().correct(), progress(a)));
            return;
        }
        Json.send(ctx, 200, new SavedBody(saved, annotation.correct(), progress(a)));
    }

    /**
     * A practice answer: checked as a real one is, kept in practice_answers (never an annotation, so
     * never exported), and answered with feedback. A retry gets the first answer's feedback again.
     */
    private void practice(Context ctx, JsonObject body, Annotator a, Task task) throws IOException {
        Optional<AnnotationStore.PracticeAnswer> earlier = store.practiceAnswer(task.id());
        Boolean correct;
        if (earlier.isPresent()) {
            correct = earlier.get().correct();
        } else {
            NewAnnotation n = task.mode() == Mode.PAIR ? pairAnswer(body, a, task) : singleAnswer(body, a, task);
            store.savePractice(task.id(), a.id(), task.mode() == Mode.PAIR ? n.image() : null, n.decision(),
                    n.correct());
            correct = n.correct();
        }
        Long synthetic = null;
        String label = null;
        List<MapRef> maps = new ArrayList<>();
        for (long id : task.images()) {
            ImageRecord image = catalog.image(id).orElseThrow(() -> unknownImage(id));
            if (image.label() == Label.SYNTHETIC && task.mode() == Mode.PAIR) {
                synthetic = id;
            }
            label = image.label().displayName();
            if (study().maps().has(id)) {
                maps.add(new MapRef(id, AnnotateServer.API + "/practice/" + task.id() + "/map/" + id));
            }
        }
        Json.send(ctx, 200, new PracticeFeedback(true, task.id(), correct, synthetic,
                task.mode() == Mode.PAIR ? null : label, maps, progress(a)));
    }

    /**
     * GET practice/{task}/map/{image}?annotator=NAME: the human map (the annotators' maps averaged, gray
     * PNG) of an image of the annotator's own ANSWERED practice task; never of work or gold images,
     * whose maps are the answers a study measures.
     */
    void practiceMap(Context ctx) throws IOException {
        Annotator a = annotators.identify(ctx.queryParam("annotator"), token(ctx, null), false);
        long taskId = parseId(ctx.pathParam("task"), "task");
        long imageId = parseId(ctx.pathParam("image"), "image");
        Task task = store.task(taskId).filter(t -> t.kind() == TaskKind.PRACTICE)
                .orElseThrow(() -> new ApiError(ErrorKind.NOT_FOUND, "no practice task " + taskId));
        if (task.annotator() != a.id()) {
            throw new ApiError(ErrorKind.FORBIDDEN, "practice task " + taskId + " is another annotator's");
        }
        if (store.practiceAnswer(taskId).isEmpty()) {
            throw new ApiError(ErrorKind.FORBIDDEN, "answer practice task " + taskId + " first: its maps are its"
                    + " feedback");
        }
        ImageRecord image = catalog.image(imageId).filter(i -> task.images().contains(i.id()))
                .orElseThrow(() -> new ApiError(ErrorKind.NOT_FOUND, "image " + imageId + " is not in practice task "
                        + taskId));
        if (!study().maps().has(imageId)) {
            throw new ApiError(ErrorKind.NOT_FOUND, "image " + imageId + " has no human map in --maps");
        }
        ctx.contentType("image/png").header("Cache-Control", "private, no-store").result(study().maps().averagePng(image));
    }

    /**
     * POST skip {"annotator", "task", "ms_shown", "reason"}: the annotator cannot decide. Recorded; the
     * images go to others. A retry of a skip is answered as the first; practice is answered, not skipped.
     */
    void skip(Context ctx) throws IOException {
        inFlight.admit(ctx);
        JsonObject body = parseBody(ctx);
        Annotator a = annotators.identify(string(body, "annotator"), token(ctx, body), false);
        long taskId = number(body, "task");
        Task task = store.task(taskId).orElseThrow(() -> new ApiError(ErrorKind.NOT_FOUND, "no task " + taskId
                + "; ask for one with POST " + AnnotateServer.NEXT));
        if (task.annotator() != a.id()) {
            throw new ApiError(ErrorKind.FORBIDDEN, "task " + taskId + " was handed to another annotator;"
                    + " skip your own tasks");
        }
        if (task.kind() == TaskKind.PRACTICE) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "task " + taskId + " is practice: answer it (its feedback shows"
                    + " what to look for); only real tasks can be skipped");
        }
        String reason = string(body, "reason");
        if (reason != null && reason.length() > MAX_REASON_CHARS) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "'reason' is " + reason.length() + " characters; at most "
                    + MAX_REASON_CHARS);
        }
        Long msShown = optionalNumber(body, "ms_shown");
        if (msShown != null && msShown < 0) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "'ms_shown' must be 0 or more (milliseconds the task was shown)");
        }
        synchronized (store) { // the check and the skip as one step: two retries at once record one skip
            Optional<AnnotationStore.Answer> answer = store.answerOf(taskId);
            if (answer.isPresent()) {
                throw new ApiError(ErrorKind.CONFLICT, "task " + taskId + " was answered (annotation "
                        + answer.get().id() + "); a saved answer cannot be skipped");
            }
            if (!store.skipped(taskId)) {
                store.skip(taskId, a.id(), msShown, reason == null || reason.isBlank() ? null : reason.strip());
            }
        }
        Json.send(ctx, 200, new SkippedBody(taskId, progress(a)));
    }

    /** Pair mode: 'choice' is the id of the image picked as synthetic; the mask belongs to it. */
    private NewAnnotation pairAnswer(JsonObject body, Annotator a, Task task) {
        long chosen = number(body, "choice");
        if (!task.images().contains(chosen)) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "'choice' must be the id of the image you picked as synthetic,"
                    + " one of " + task.images());
        }
        long other = task.images().stream().filter(id -> id != chosen).findFirst().orElseThrow();
        ImageRecord image = catalog.image(chosen).orElseThrow();
        Mask mask = mask(body, image, true);
        return annotation(body, a, task, chosen, other, "synthetic", image.label() == Label.SYNTHETIC, mask);
    }

    /** Single mode: 'choice' is real, synthetic or unsure; the mask (optional when unsure) belongs to the image. */
    private NewAnnotation singleAnswer(JsonObject body, Annotator a, Task task) {
        String choice = string(body, "choice");
        ImageRecord image = catalog.image(task.images().get(0)).orElseThrow();
        Boolean correct = switch (choice == null ? "" : choice.toLowerCase(Locale.ROOT)) {
            case "real" -> image.label() == Label.REAL;
            case "synthetic" -> image.label() == Label.SYNTHETIC;
            case "unsure" -> null;
            default -> throw new ApiError(ErrorKind.BAD_REQUEST, "'choice' must be real, synthetic or unsure");
        };
        Mask mask = mask(body, image, correct != null);
        return annotation(body, a, task, image.id(), null, choice.toLowerCase(Locale.ROOT), correct, mask);
    }

    private NewAnnotation annotation(JsonObject body, Annotator a, Task task, long image, Long other, String decision,
            Boolean correct, Mask mask) {
        JsonElement strokes = body.get("strokes");
        return new NewAnnotation(task.id(), a.id(), task.mode().key(), image, other, decision, correct,
                optionalNumber(body, "ms_decide"), optionalNumber(body, "ms_paint"),
                strokes == null || strokes.isJsonNull() ? null : strokes.toString(), mask, string(body, "text"), "web");
    }

    private static Mask mask(JsonObject body, ImageRecord image, boolean required) {
        String url = string(body, "mask");
        if (url == null) {
            if (required) {
                throw new ApiError(ErrorKind.BAD_REQUEST, "'mask' is missing: send the drawn mask of image "
                        + image.id() + " as 'data:image/png;base64,...'");
            }
            return null;
        }
        Mask mask;
        try {
            mask = Mask.decode(Mask.dataUrlBytes(url), "mask", MAX_MASK_PIXELS);
        } catch (IllegalArgumentException e) {
            throw new ApiError(ErrorKind.BAD_REQUEST, e.getMessage());
        } catch (ImageDecodeException e) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "the mask is not a readable PNG: " + e.getMessage());
        }
        if (mask.width() != image.width() || mask.height() != image.height()) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "the mask is " + mask.width() + "x" + mask.height()
                    + " but image " + image.id() + " is " + image.width() + "x" + image.height()
                    + "; draw on a canvas of the image's own size");
        }
        return mask;
    }

    /** GET progress?annotator=NAME: the annotator's own counts. */
    void progress(Context ctx) throws IOException {
        Annotator a = annotators.identify(ctx.queryParam("annotator"), token(ctx, null), false);
        Json.send(ctx, 200, progress(a));
    }

    private Progress progress(Annotator a) throws IOException {
        AnnotationStore.Counts c = store.counts(a.id());
        // with gold pairs mixed in, the study's images done would tell the annotator which of their saves were gold
        // (a gold save moves their count but not the images done): annotators then see their own counts only. Their
        // accuracy counts gold decisions too, for the same reason (unlike the overview's, which is work only).
        boolean hideStudy = study().gold() > 0;
        return new Progress(a.name(), c.annotations(), c.decisions(), c.correct(), c.accuracy(),
                hideStudy ? null : imagesDone(), hideStudy ? null : workImages().size(), assigner.perImage(),
                store.finished(a.id(), TaskKind.PRACTICE), study().practice());
    }

    /** The images handed out as work: all but the gold ones, which never reach --per-image work annotators. */
    private List<ImageRecord> workImages() {
        return catalog.all().stream().filter(i -> study().isWork(i.id())).toList();
    }

    private int imagesDone() throws IOException {
        Map<Long, Integer> answered = store.answered();
        int done = 0;
        for (ImageRecord i : workImages()) {
            done += answered.getOrDefault(i.id(), 0) >= assigner.perImage() ? 1 : 0;
        }
        return done;
    }

    /**
     * GET overview: images done of total, per-annotator counts and accuracy, per-image agreement and
     * label. For reviewers only: the labels are the answers annotators are asked for.
     */
    void overview(Context ctx) throws IOException {
        reviewers.require(ctx);
        List<StoredAnnotation> all = catalog.annotationsHere(store.annotations());
        Map<Long, cyborg.web.annotate.Review> reviews = store.reviews();
        // masks a reviewer rejected are out of agreement and gold IoU, as in export and the report; annotators'
        // counts and accuracy are over all their decisions, as export's filters judge them
        List<StoredAnnotation> kept = StudyStats.withoutRejected(all, reviews);
        try {
            Json.send(ctx, 200, new Overview(imagesDone(), workImages().size(), assigner.perImage(), assigner.mode().key(),
                    Agreement.perAnnotator(all), Agreement.perImage(kept), GoldScore.perAnnotator(kept, study().maps()),
                    StudyStats.of(all, store.skips().stream().filter(k -> k.images().stream().allMatch(catalog::contains)).toList(),
                            reviews)));
        } catch (ImageDecodeException e) {
            throw new IOException("a stored mask cannot be read: " + e.getMessage(), e);
        }
    }

    // ---- request parsing ----

    /** The JSON object of a POST; sent as anything but application/json it is refused (415). */
    static JsonObject parseBody(Context ctx) {
        // a page of another site can send text/plain to this server without asking first; JSON it cannot
        // (the browser asks the server first, and this server says nothing that allows it)
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";", 2)[0].strip();
        if (!type.equalsIgnoreCase("application/json")) {
            throw new ApiError(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "send the body as JSON with the header"
                    + " 'Content-Type: application/json'" + (type.isEmpty() ? "" : " (not " + type + ")"));
        }
        try {
            JsonElement e = JsonParser.parseString(ctx.body());
            if (!e.isJsonObject()) {
                throw new ApiError(ErrorKind.BAD_REQUEST, "send a JSON object (Content-Type: application/json)");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            Throwable why = e.getCause() != null ? e.getCause() : e;
            String detail = String.valueOf(why.getMessage()).lines().findFirst().orElse("");
            throw new ApiError(ErrorKind.BAD_REQUEST, "the body is not valid JSON (" + detail + "); send a JSON object");
        }
    }

    private static String token(Context ctx, JsonObject body) {
        String header = ctx.header(TOKEN_HEADER);
        if (header != null) {
            return header;
        }
        return body != null ? string(body, "token") : ctx.queryParam("token");
    }

    static String string(JsonObject body, String key) {
        JsonElement e = body.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive()) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "'" + key + "' must be a string");
        }
        return e.getAsString();
    }

    static long number(JsonObject body, String key) {
        Long n = optionalNumber(body, key);
        if (n == null) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "'" + key + "' is missing");
        }
        return n;
    }

    private static Long optionalNumber(JsonObject body, String key) {
        JsonElement e = body.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        try {
            return e.getAsJsonPrimitive().getAsLong();
        } catch (RuntimeException bad) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "'" + key + "' must be a whole number");
        }
    }

    private static List<Long> longs(JsonObject body, String key) {
        JsonElement e = body.get(key);
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        if (!e.isJsonArray()) {
            throw new ApiError(ErrorKind.BAD_REQUEST, "'" + key + "' must be a list of image ids");
        }
        List<Long> out = new ArrayList<>();
        for (JsonElement id : e.getAsJsonArray()) {
            try {
                out.add(id.getAsJsonPrimitive().getAsLong());
            } catch (RuntimeException bad) {
                throw new ApiError(ErrorKind.BAD_REQUEST, "'" + key + "' must be a list of image ids");
            }
        }
        return out;
    }

    static long parseId(String s, String what) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ApiError(ErrorKind.NOT_FOUND, "no " + what + " '" + s + "'; ids are numbers");
        }
    }

    private static ApiError unknownImage(long id) {
        return new ApiError(ErrorKind.NOT_FOUND, "no image " + id + " in this annotation run");
    }
}
