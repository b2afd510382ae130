package cyborg.web;

import static cyborg.web.AnnotateRequests.answer;
import static cyborg.web.AnnotateRequests.imageId;
import static cyborg.web.AnnotateRequests.next;
import static cyborg.web.AnnotateRequests.save;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import cyborg.data.Label;
import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.Faces;
import cyborg.web.annotate.ImageCatalog;
import cyborg.web.annotate.Mask;
import cyborg.web.annotate.Mode;
import cyborg.web.annotate.StoredAnnotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The review API over HTTP: 3 Real and 3 Synthetic 20x16 images, two annotators who each answer
 * three pairs picking the synthetic face, alice masking columns 0-4 and bob columns 0-9, so each
 * synthetic image ends up with both masks, whose IoU is 5/10.
 */
class ReviewApiTest {
    private static final int W = 20;
    private static final int H = 16;
    private static final Mask ALICE = Faces.mask(W, H, (x, y) -> x < 5);
    private static final Mask BOB = Faces.mask(W, H, (x, y) -> x < 10);

    @TempDir
    Path dir;
    private AnnotationStore store;
    private ImageCatalog catalog;
    private AnnotateServer server;
    private Client client;
    private String reviewer;

    @BeforeEach
    void start() throws Exception {
        store = AnnotationStore.open(dir.resolve("a.db"));
        catalog = ImageCatalog.register(store, dir.resolve("data"), Faces.write(dir.resolve("data"), 3, 3, W, H));
        server = AnnotateServer.start(new AnnotateConfig("127.0.0.1", 0, Mode.PAIR, 2, false, null,
                AnnotateConfig.DEFAULT_MAX_BODY_BYTES), store, catalog);
        client = new Client(server.port(), null);
        for (String who : new String[] {"alice", "bob"}) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> n = next(client, who);
                assertEquals(200, n.statusCode(), n.body());
                JsonObject task = Client.json(n);
                long first = imageId(task, 0);
                long fake = catalog.image(first).orElseThrow().label() == Label.SYNTHETIC ? first : imageId(task, 1);
                HttpResponse<String> r = save(client, answer(who, task, fake, who.equals("alice") ? ALICE : BOB));
                assertEquals(200, r.statusCode(), r.body());
            }
        }
        reviewer = store.addReviewer("lead");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        store.close();
    }

    private HttpResponse<String> list(String query, String token) {
        HttpRequest.Builder r = client.request(AnnotateServer.REVIEW + query).GET();
        if (token != null) {
            r.header(Reviewers.HEADER, token);
        }
        return client.send(r.build());
    }

    private JsonObject list(String query) {
        HttpResponse<String> r = list(query, reviewer);
        assertEquals(200, r.statusCode(), r.body());
        return Client.json(r);
    }

    private HttpResponse<String> post(String token, long annotation, String verdict, String reason) {
        JsonObject body = new JsonObject();
        body.addProperty("annotation", annotation);
        body.addProperty("verdict", verdict);
        if (reason != null) {
            body.addProperty("reason", reason);
        }
        HttpRequest.Builder r = client.request(AnnotateServer.REVIEW).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            r.header(Reviewers.HEADER, token);
        }
        return client.send(r.build());
    }

    private StoredAnnotation of(String annotator) throws Exception {
        return store.annotations().stream().filter(a -> a.annotator().equals(annotator)).findFirst().orElseThrow();
    }

    private static List<JsonObject> items(JsonObject listing) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : listing.getAsJsonArray("items")) {
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    @Test
    void everyRouteNeedsAReviewersTokenAndAnAnnotatorsTokenIsRefused() throws Exception {
        String annotatorToken = store.addAnnotator("alice");
        long id = of("alice").id();
        HttpResponse<String> none = list("", null);
        assertEquals(401, none.statusCode(), none.body());
        assertTrue(none.body().contains("add-reviewer"), none.body());
        assertFalse(none.body().contains("Synthetic"), none.body());
        assertEquals(403, list("", annotatorToken).statusCode());
        assertEquals(401, client.send(client.request(AnnotateServer.REVIEW).header("X-Annotator-Token",
                annotatorToken).GET().build()).statusCode(), "an annotator's token in its own header");
        String maskUrl = AnnotateServer.REVIEW + "/mask/" + id;
        assertEquals(401, client.get(maskUrl).statusCode());
        assertEquals(403, client.send(client.request(maskUrl).header(Reviewers.HEADER, annotatorToken).GET().build())
                .statusCode());
        assertEquals(401, post(null, id, "accept", null).statusCode());
        HttpResponse<String> forged = post(annotatorToken, id, "reject", "looks bad");
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("not a reviewer's token"), forged.body());
        assertTrue(store.reviews().isEmpty(), "nothing recorded");
    }

    @Test
    void aRejectionWithoutAReasonIs400AndAnUnknownAnnotationIs404() throws Exception {
        long id = of("alice").id();
        HttpResponse<String> bare = post(reviewer, id, "reject", null);
        assertEquals(400, bare.statusCode(), bare.body());
        assertTrue(bare.body().contains("a rejection needs a 'reason'"), bare.body());
        assertEquals(400, post(reviewer, id, "reject", "   ").statusCode(), "a blank reason is none");
        assertEquals(400, post(reviewer, id, "maybe", "why not").statusCode());
        HttpResponse<String> unknown = post(reviewer, 987654, "accept", null);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().startsWith("{\"error\":"), unknown.body());
        assertEquals(404, client.send(client.request(AnnotateServer.REVIEW + "/mask/987654")
                .header(Reviewers.HEADER, reviewer).GET().build()).statusCode());
        HttpResponse<String> plain = client.send(client.request(AnnotateServer.REVIEW)
                .header("Content-Type", "text/plain").header(Reviewers.HEADER, reviewer)
                .POST(HttpRequest.BodyPublishers.ofString("{\"annotation\": " + id + ", \"verdict\": \"accept\"}"))
                .build());
        assertEquals(415, plain.statusCode(), plain.body());
        assertTrue(store.reviews().isEmpty(), "nothing recorded");
        assertEquals(200, post(reviewer, id, "accept", null).statusCode(), "an acceptance needs no reason");
    }

    @Test
    void aVerdictPostedFromAnotherSitesPageIs403EvenWithTheReviewersToken() throws Exception {
        // the Origin guard runs before any token check: another site's page is refused whatever it sends
        long id = of("alice").id();
        HttpResponse<String> r = client.send(client.request(AnnotateServer.REVIEW)
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .header(Reviewers.HEADER, reviewer)
                .POST(HttpRequest.BodyPublishers.ofString("{\"annotation\": " + id + ", \"verdict\": \"reject\","
                        + " \"reason\": \"forged\"}")).build());
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(store.reviews().isEmpty(), "nothing recorded");
    }

    @Test
    void theNewestVerdictWinsAndTheUnreviewedFilterHidesReviewedOnes() throws Exception {
        long id = of("alice").id();
        assertEquals(200, post(reviewer, id, "accept", null).statusCode());
        HttpResponse<String> r = post(reviewer, id, "reject", " paints the whole background ");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject recorded = Client.json(r);
        assertEquals("reject", recorded.getAsJsonObject("review").get("verdict").getAsString());
        assertEquals(1, recorded.get("reviewed").getAsInt());
        assertEquals(1, recorded.get("rejected").getAsInt());
        assertEquals(6, recorded.get("total").getAsInt());

        JsonObject all = list("");
        JsonObject item = items(all).stream().filter(i -> i.get("id").getAsLong() == id).findFirst().orElseThrow();
        JsonObject review = item.getAsJsonObject("review");
        assertEquals("reject", review.get("verdict").getAsString());
        assertEquals("paints the whole background", review.get("reason").getAsString());
        assertEquals("lead", review.get("reviewer").getAsString());
        assertTrue(store.reviews().get(id).rejected());

        JsonObject open = list("?unreviewed=true");
        assertEquals(5, items(open).size());
        assertTrue(items(open).stream().noneMatch(i -> i.get("id").getAsLong() == id));
        assertEquals(6, open.get("total").getAsInt(), "progress counts every annotation");
        assertEquals(1, open.get("reviewed").getAsInt());
        assertEquals(400, list("?unreviewed=perhaps", reviewer).statusCode());
    }

    @Test
    void byImageEachImageHasAllItsMasksWithTheirIouAndByAnnotatorEachOnesInOrder() throws Exception {
        JsonObject byImage = list("?by=image");
        assertEquals("image", byImage.get("by").getAsString());
        List<JsonObject> items = items(byImage);
        assertEquals(6, items.size());
        for (int i = 0; i < items.size(); i += 2) { // each synthetic image: alice's mask, then bob's
            JsonObject a = items.get(i);
            JsonObject b = items.get(i + 1);
            long image = a.getAsJsonObject("image").get("id").getAsLong();
            assertEquals(image, b.getAsJsonObject("image").get("id").getAsLong());
            assertEquals("alice", a.get("annotator").getAsString());
            assertEquals("bob", b.get("annotator").getAsString());
            assertEquals("Synthetic", a.getAsJsonObject("image").get("label").getAsString());
            assertEquals(AnnotateServer.API + "/image/" + image, a.getAsJsonObject("image").get("url").getAsString());
            assertEquals("work", a.get("kind").getAsString());
            assertEquals("synthetic", a.get("decision").getAsString());
            assertTrue(a.get("correct").getAsBoolean());
            assertEquals(900, a.get("ms_decide").getAsLong());
            assertEquals(2, a.getAsJsonObject("agreement").get("masks").getAsInt());
            assertEquals(0.5, a.getAsJsonObject("agreement").get("iou").getAsDouble(), 1e-9);
            JsonArray others = a.getAsJsonArray("others");
            assertEquals(1, others.size());
            JsonObject other = others.get(0).getAsJsonObject();
            assertEquals(b.get("id").getAsLong(), other.get("id").getAsLong());
            assertEquals("bob", other.get("annotator").getAsString());
            assertEquals(0.5, other.get("iou").getAsDouble(), 1e-9);
            assertTrue(i == 0 || image > items.get(i - 1).getAsJsonObject("image").get("id").getAsLong(),
                    "images in id order");
        }

        List<JsonObject> byAnnotator = items(list("?by=annotator"));
        assertEquals(List.of("alice", "alice", "alice", "bob", "bob", "bob"),
                byAnnotator.stream().map(i -> i.get("annotator").getAsString()).toList());
        for (int i = 1; i < byAnnotator.size(); i++) {
            if (byAnnotator.get(i).get("annotator").equals(byAnnotator.get(i - 1).get("annotator"))) {
                assertTrue(byAnnotator.get(i).get("id").getAsLong() > byAnnotator.get(i - 1).get("id").getAsLong(),
                        "each annotator's annotations in the order they were made");
            }
        }
        assertEquals(400, list("?by=colour", reviewer).statusCode());
    }

    @Test
    void theMaskRouteSendsTheStoredMaskAsPngToReviewers() throws Exception {
        StoredAnnotation bobs = of("bob");
        JsonObject item = items(list("")).stream().filter(i -> i.get("id").getAsLong() == bobs.id()).findFirst()
                .orElseThrow();
        HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(client.request(item.get("mask_url").getAsString())
                .header(Reviewers.HEADER, reviewer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
        Mask sent = Mask.decode(r.body(), "sent.png", Long.MAX_VALUE);
        assertArrayEquals(BOB.bits(), sent.bits());
    }
}
