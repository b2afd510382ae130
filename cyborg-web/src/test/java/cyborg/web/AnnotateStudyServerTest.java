package cyborg.web;

import static cyborg.web.AnnotateRequests.answer;
import static cyborg.web.AnnotateRequests.imageId;
import static cyborg.web.AnnotateRequests.next;
import static cyborg.web.AnnotateRequests.save;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import cyborg.data.Label;
import cyborg.data.Sample;
import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.AnnotatorFilter;
import cyborg.web.annotate.Faces;
import cyborg.web.annotate.ImageCatalog;
import cyborg.web.annotate.ImageMaps;
import cyborg.web.annotate.ImageRecord;
import cyborg.web.annotate.Instructions;
import cyborg.web.annotate.Mask;
import cyborg.web.annotate.Mode;
import cyborg.web.annotate.NewAnnotation;
import cyborg.web.annotate.Study;
import cyborg.web.annotate.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A study over HTTP (issue 25): instructions, practice with feedback and maps, gold pairs scored in
 * the overview, skips. Real-0 and fake-0 of the 20x16 test faces have a human map marking the left
 * 5 columns.
 */
class AnnotateStudyServerTest {
    private static final int W = 20;
    private static final int H = 16;
    private static final Mask LEFT = Faces.mask(W, H, (x, y) -> x < 5);
    private static final Mask RIGHT = Faces.mask(W, H, (x, y) -> x >= 10);

    @TempDir
    Path dir;
    private AnnotationStore store;
    private ImageCatalog catalog;
    private List<Sample> samples;
    private AnnotateServer server;
    private Client client;

    /** Opens the data (real and synthetic images) and its maps; the server starts with {@link #serve}. */
    private ImageMaps open(int real, int synthetic) throws Exception {
        store = AnnotationStore.open(dir.resolve("a.db"));
        samples = Faces.write(dir.resolve("data"), real, synthetic, W, H);
        catalog = ImageCatalog.register(store, dir.resolve("data"), samples);
        for (String map : List.of("real/wild/real-0.png", "synthetic/gan/fake-0.png")) {
            Path file = dir.resolve("maps").resolve(map);
            Files.createDirectories(file.getParent());
            Files.write(file, LEFT.png());
        }
        return ImageMaps.scan(dir.resolve("maps"), samples, catalog);
    }

    private void serve(int perImage, Study study) {
        serve(Mode.PAIR, perImage, study);
    }

    private void serve(Mode mode, int perImage, Study study) {
        server = AnnotateServer.start(new AnnotateConfig("127.0.0.1", 0, mode, perImage, false, null,
                AnnotateConfig.DEFAULT_MAX_BODY_BYTES), store, catalog, study);
        client = new Client(server.port(), null);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private JsonObject task(String annotator) {
        HttpResponse<String> r = next(client, annotator);
        assertEquals(200, r.statusCode(), r.body());
        return Client.json(r);
    }

    private long withLabel(JsonObject task, Label label) {
        long first = imageId(task, 0);
        return catalog.image(first).orElseThrow().label() == label ? first : imageId(task, 1);
    }

    private long id(String path) {
        return catalog.all().stream().filter(i -> i.path().equals(path)).findFirst().orElseThrow().id();
    }

    private HttpResponse<String> skip(String annotator, long task, String reason) {
        JsonObject body = new JsonObject();
        body.addProperty("annotator", annotator);
        body.addProperty("task", task);
        body.addProperty("ms_shown", 1500);
        if (reason != null) {
            body.addProperty("reason", reason);
        }
        return client.send(client.request(AnnotateServer.SKIP).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private HttpResponse<byte[]> map(String annotator, String url) {
        return Client.bytes(client, url + "?annotator=" + annotator);
    }

    @Test
    void theStudyRouteGivesTheInstructionsAsSafeHtmlAndSaysNothingOfGold() throws Exception {
        Path md = dir.resolve("study.md");
        Files.writeString(md, "# Welcome\n\nPick *the* synthetic face. <script>alert(1)</script>\n\n"
                + "[details](javascript:alert(2)) and [the lab](https://example.org/lab)\n");
        ImageMaps maps = open(2, 2);
        serve(2, new Study(Instructions.html(md), 2, 0.5, Set.of(id("real/wild/real-0.png")), 1, maps));
        HttpResponse<String> r = client.get(AnnotateServer.STUDY);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject study = Client.json(r);
        assertEquals(Set.of("mode", "instructions_html", "practice", "per_image"), study.keySet(), "nothing of gold");
        assertEquals(2, study.get("practice").getAsInt());
        String html = study.get("instructions_html").getAsString();
        assertTrue(html.contains("<h1>Welcome</h1>") && html.contains("<em>the</em>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "raw HTML is shown as text: " + html);
        assertFalse(html.contains("<script") || html.contains("javascript:"), html);
        assertTrue(html.contains("href=\"https://example.org/lab\""), html);

        Path missing = dir.resolve("nowhere.md");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Instructions.html(missing));
        assertTrue(e.getMessage().startsWith(missing + ": cannot read the instructions"), e.getMessage());
    }

    @Test
    void aPracticeAnswerGetsFeedbackAndItsMapsAndIsNeverAnAnnotation() throws Exception {
        ImageMaps maps = open(3, 3);
        serve(2, new Study(null, 1, 0, Set.of(), 1, maps));
        JsonObject practice = task("alice");
        assertEquals(1, practice.getAsJsonObject("practice").get("number").getAsInt());
        assertEquals(1, practice.getAsJsonObject("practice").get("of").getAsInt());
        long synthetic = withLabel(practice, Label.SYNTHETIC);
        assertEquals(Set.of(id("real/wild/real-0.png"), id("synthetic/gan/fake-0.png")),
                Set.of(imageId(practice, 0), imageId(practice, 1)), "the images with maps first");
        long taskId = practice.get("task").getAsLong();
        String mapUrl = AnnotateServer.API + "/practice/" + taskId + "/map/" + synthetic;
        assertEquals(403, map("alice", mapUrl).statusCode(), "no map before the answer: it is the feedback");
        assertEquals(400, skip("alice", taskId, null).statusCode(), "practice is answered, not skipped");

        HttpResponse<String> saved = save(client, answer("alice", practice, synthetic, LEFT));
        assertEquals(200, saved.statusCode(), saved.body());
        JsonObject feedback = Client.json(saved);
        assertTrue(feedback.get("practice").getAsBoolean());
        assertTrue(feedback.get("correct").getAsBoolean());
        assertEquals(synthetic, feedback.get("synthetic").getAsLong());
        JsonArray mapRefs = feedback.getAsJsonArray("maps");
        assertEquals(2, mapRefs.size());
        assertEquals(1, feedback.getAsJsonObject("progress").get("practice_done").getAsInt());
        assertEquals(0, feedback.getAsJsonObject("progress").get("annotations").getAsInt());
        assertEquals(List.of(), store.annotations(), "practice is never an annotation, so never exported");
        assertTrue(store.practiceAnswer(taskId).orElseThrow().correct());
        HttpResponse<String> retry = save(client, answer("alice", practice, synthetic, LEFT));
        assertEquals(feedback.get("synthetic"), Client.json(retry).get("synthetic"), "a retry: the same feedback");

        HttpResponse<byte[]> png = map("alice", mapUrl);
        assertEquals(200, png.statusCode());
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(W, shown.getWidth());
        assertEquals(255, shown.getRaster().getSample(2, 8, 0), "the map's marked left columns");
        assertEquals(0, shown.getRaster().getSample(15, 8, 0));
        task("bob");
        assertEquals(403, map("bob", mapUrl).statusCode(), "another annotator's practice");

        JsonObject work = task("alice");
        assertFalse(work.has("practice"), "after practice, work");
        String workMap = AnnotateServer.API + "/practice/" + work.get("task").getAsLong() + "/map/" + imageId(work, 0);
        assertEquals(404, map("alice", workMap).statusCode(), "no map of a work task's image, ever");
    }

    @Test
    void aSkipIsRecordedOnceAndItsImagesGoToSomeoneElse() throws Exception {
        open(1, 1);
        serve(1, Study.NONE);
        JsonObject t = task("alice");
        long taskId = t.get("task").getAsLong();
        task("bob"); // bob exists (nothing left for him while alice holds the only pair)
        assertEquals(403, skip("bob", taskId, null).statusCode(), "a task of another annotator");
        HttpResponse<String> r = skip("alice", taskId, "both look real to me");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(taskId, Client.json(r).get("skipped").getAsLong());
        assertEquals(200, skip("alice", taskId, "both look real to me").statusCode(), "a retry is harmless");
        assertEquals(1, store.skips().size());
        assertEquals("both look real to me", store.skips().get(0).reason());
        assertEquals(1500L, store.skips().get(0).msShown());
        assertEquals(409, save(client, answer("alice", t, withLabel(t, Label.SYNTHETIC), LEFT)).statusCode(),
                "a skipped task cannot be answered after all");
        assertTrue(Client.json(next(client, "alice")).get("done").getAsBoolean(), "alice is not shown them again");

        JsonObject toBob = task("bob");
        assertEquals(Set.copyOf(store.skips().get(0).images()), Set.of(imageId(toBob, 0), imageId(toBob, 1)),
                "the skipped pair goes to bob");
        assertEquals(200, save(client, answer("bob", toBob, withLabel(toBob, Label.SYNTHETIC), LEFT)).statusCode());
        assertEquals(409, skip("bob", toBob.get("task").getAsLong(), null).statusCode(), "an answered task");
    }

    @Test
    void goldPairsLookLikeWorkAndTheOverviewScoresThemAndExportCanDropTheCareless() throws Exception {
        ImageMaps maps = open(2, 2);
        long goldReal = id("real/wild/real-0.png");
        long goldFake = id("synthetic/gan/fake-0.png");
        serve(2, new Study(null, 0, 1.0, Set.of(goldReal, goldFake), 1, maps));
        JsonObject alice = task("alice");
        assertEquals(Set.of("task", "mode", "images"), alice.keySet(), "a gold task looks exactly like work");
        assertEquals(Set.of(goldReal, goldFake), Set.of(imageId(alice, 0), imageId(alice, 1)));
        assertEquals(200, save(client, answer("alice", alice, goldFake, LEFT)).statusCode()); // right, as the map
        JsonObject progress = Client.json(client.get(AnnotateServer.PROGRESS + "?annotator=alice"));
        assertEquals(1, progress.get("annotations").getAsInt());
        assertFalse(progress.has("images_done") || progress.has("images_total"), "with gold pairs mixed in, the"
                + " study's images done would tell which saves were gold: " + progress);
        JsonObject bob = task("bob");
        assertEquals(200, save(client, answer("bob", bob, goldReal, RIGHT)).statusCode()); // wrong, elsewhere
        assertTrue(store.annotations().stream().allMatch(a -> a.gold()), "gold answers are saved, as gold");

        JsonObject overview = Client.json(client.send(client.request(AnnotateServer.OVERVIEW)
                .header("X-Reviewer-Token", store.addReviewer("lead")).GET().build()));
        assertEquals(2, overview.get("images_total").getAsInt(), "gold images are never work, so not among the"
                + " images to be done");
        JsonArray gold = overview.getAsJsonArray("gold");
        assertEquals(2, gold.size());
        JsonObject a = gold.get(0).getAsJsonObject();
        assertEquals("alice", a.get("name").getAsString());
        assertEquals(1, a.get("gold_decisions").getAsInt());
        assertEquals(1.0, a.get("gold_accuracy").getAsDouble());
        assertEquals(1, a.get("masks_scored").getAsInt());
        assertEquals(1.0, a.get("iou").getAsDouble(), 1e-9, "her mask is the map");
        JsonObject b = gold.get(1).getAsJsonObject();
        assertEquals(0.0, b.get("gold_accuracy").getAsDouble());
        assertEquals(0.0, b.get("iou").getAsDouble(), 1e-9, "his mask misses the map");

        // carol answered work only: nothing to judge her gold accuracy by
        Task work = store.newTask(store.annotatorByName("carol").id(), Mode.PAIR,
                catalog.all().stream().filter(i -> i.id() != goldReal && i.id() != goldFake).map(ImageRecord::id).toList());
        store.save(new NewAnnotation(work.id(), store.annotator("carol").orElseThrow().id(), "pair", work.images().get(0),
                work.images().get(1), "synthetic", false, null, null, null, LEFT, null, "web"));
        AnnotatorFilter.Result kept = new AnnotatorFilter(Set.of(), null, 0.5).apply(store.annotations());
        assertEquals(List.of("bob (gold accuracy 0.000 < 0.500 over 1 gold decision(s))"), kept.dropped());
        assertEquals(List.of("carol"), kept.unjudged());
        assertEquals(Set.of("alice", "carol"), kept.kept().stream().map(x -> x.annotator())
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(List.of(), new AnnotatorFilter(Set.of(), null, null).apply(store.annotations()).dropped(),
                "no gold rule: no one dropped");
    }

    @Test
    void singleModeHasPracticeWithTheImagesLabelAsFeedbackAndSkips() throws Exception {
        ImageMaps maps = open(2, 2);
        serve(Mode.SINGLE, 2, new Study(null, 1, 0, Set.of(), 1, maps));
        JsonObject practice = task("alice");
        long image = imageId(practice, 0);
        assertTrue(maps.has(image), "an image with a map first");
        JsonObject feedback = Client.json(save(client, answer("alice", practice, "unsure", null)));
        assertTrue(feedback.get("practice").getAsBoolean());
        assertFalse(feedback.has("correct"), "unsure is neither right nor wrong");
        assertEquals(catalog.image(image).orElseThrow().label().displayName(), feedback.get("label").getAsString());
        assertFalse(feedback.has("synthetic"));
        assertEquals(1, feedback.getAsJsonArray("maps").size());
        assertEquals("unsure", store.practiceAnswer(practice.get("task").getAsLong()).orElseThrow().decision());

        JsonObject work = task("alice");
        assertEquals(200, skip("alice", work.get("task").getAsLong(), null).statusCode());
        assertNull(store.skips().get(0).reason(), "no reason given: none recorded");
        assertEquals(List.of(), store.annotations());
    }
}
