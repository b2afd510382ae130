package cyborg.web;

import static cyborg.web.AnnotateRequests.answer;
import static cyborg.web.AnnotateRequests.imageId;
import static cyborg.web.AnnotateRequests.next;
import static cyborg.web.AnnotateRequests.save;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import cyborg.data.Label;
import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.Faces;
import cyborg.web.annotate.ImageCatalog;
import cyborg.web.annotate.ImageRecord;
import cyborg.web.annotate.Mask;
import cyborg.web.annotate.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** The annotation API over HTTP, against a server on a free port with 3 Real and 3 Synthetic 20x16 images. */
class AnnotateServerTest {
    private static final int W = 20;
    private static final int H = 16;
    private static final Mask LEFT = Faces.mask(W, H, (x, y) -> x < 5);

    @TempDir
    Path dir;
    private AnnotationStore store;
    private ImageCatalog catalog;
    private AnnotateServer server;
    private Client client;

    private void start(Mode mode, boolean requireTokens) throws Exception {
        store = AnnotationStore.open(dir.resolve("a.db"));
        catalog = ImageCatalog.register(store, dir.resolve("data"), Faces.write(dir.resolve("data"), 3, 3, W, H));
        server = AnnotateServer.start(new AnnotateConfig("127.0.0.1", 0, mode, 2, requireTokens, null,
                AnnotateConfig.DEFAULT_MAX_BODY_BYTES), store, catalog);
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

    /** The id of the task's Synthetic image. */
    private long synthetic(JsonObject task) {
        long first = imageId(task, 0);
        return catalog.image(first).orElseThrow().label() == Label.SYNTHETIC ? first : imageId(task, 1);
    }

    @Test
    void aTiffImageIsSentAsThePngOfItsDecodedPixels() throws Exception {
        // browsers cannot show TIFF: the route sends what training decodes, as PNG
        Path tif = dir.resolve("data/synthetic/gan/fake-tiff.tif");
        java.nio.file.Files.createDirectories(tif.getParent());
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(W, H, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        img.setRGB(3, 2, 0x123456);
        assertTrue(javax.imageio.ImageIO.write(img, "tiff", tif.toFile()), "no TIFF writer on the class path");
        start(Mode.PAIR, false);
        long id = catalog.all().stream().filter(i -> catalog.file(i.id()).orElseThrow().toString().endsWith(".tif"))
                .findFirst().orElseThrow().id();
        HttpResponse<byte[]> r = Client.bytes(client, AnnotateServer.API + "/image/" + id);
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
        cyborg.image.RgbImage sent = cyborg.image.ImageFiles.decode(r.body(), Path.of("sent.png"), Long.MAX_VALUE).rgb();
        cyborg.image.RgbImage stored = cyborg.image.ImageFiles.readRgb(tif);
        assertEquals(stored.width(), sent.width());
        assertArrayEquals(stored.pixels(), sent.pixels());

        // the file damaged after the server started: an error naming the image, not "internal error"
        java.nio.file.Files.write(tif, new byte[] {'I', 'I', 42, 0, 1, 2});
        HttpResponse<String> broken = client.get(AnnotateServer.API + "/image/" + id);
        assertEquals(500, broken.statusCode());
        assertTrue(broken.body().contains("image " + id + " of this annotation run cannot be read"), broken.body());
    }

    @Test
    void thePlaceholderPageIsServedButNotTheClassFilesBesideIt() throws Exception {
        start(Mode.PAIR, false);
        HttpResponse<String> page = client.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("cyborg annotate"));
        HttpResponse<String> cls = client.get("/AnnotationStore.class");
        assertEquals(404, cls.statusCode());
        assertTrue(cls.body().startsWith("{\"error\""), cls.body());
    }

    @Test
    void nextHandsOutOneRealAndOneSyntheticWhoseBytesTheImageRouteServes() throws Exception {
        start(Mode.PAIR, false);
        JsonObject task = task("alice");
        assertEquals("pair", task.get("mode").getAsString());
        assertEquals(2, task.getAsJsonArray("images").size());
        long real = imageId(task, 0) == synthetic(task) ? imageId(task, 1) : imageId(task, 0);
        assertEquals(Label.REAL, catalog.image(real).orElseThrow().label());
        JsonObject first = task.getAsJsonArray("images").get(0).getAsJsonObject();
        assertEquals(W, first.get("width").getAsInt());
        assertEquals(H, first.get("height").getAsInt());
        HttpResponse<byte[]> bytes = Client.bytes(client, first.get("url").getAsString());
        assertEquals(200, bytes.statusCode());
        assertEquals("image/png", bytes.headers().firstValue("Content-Type").orElse(""));
        ImageRecord rec = catalog.image(first.get("id").getAsLong()).orElseThrow();
        assertArrayEquals(Files.readAllBytes(dir.resolve("data").resolve(rec.path())), bytes.body());
    }

    @Test
    void aSaveAnswersItsIdCorrectnessAndProgressAndARetrySavesNothingTwice() throws Exception {
        start(Mode.PAIR, false);
        JsonObject task = task("alice");
        JsonObject body = answer("alice", task, synthetic(task), LEFT);
        HttpResponse<String> r = save(client, body);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject saved = Client.json(r);
        assertTrue(saved.get("correct").getAsBoolean());
        assertEquals(1, saved.getAsJsonObject("progress").get("annotations").getAsInt());
        assertEquals(6, saved.getAsJsonObject("progress").get("images_total").getAsInt());
        assertEquals(1, store.annotations().size(), "saved before the answer");

        HttpResponse<String> again = save(client, body);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(saved.get("saved").getAsLong(), Client.json(again).get("saved").getAsLong());
        assertTrue(Client.json(again).get("correct").getAsBoolean());
        assertEquals(1, store.annotations().size());
        assertTrue(!task("alice").get("task").equals(task.get("task")), "an answered task is not handed out again");
    }

    @Test
    void pickingTheRealImageIsSavedAsWrong() throws Exception {
        start(Mode.PAIR, false);
        JsonObject task = task("alice");
        long real = imageId(task, 0) == synthetic(task) ? imageId(task, 1) : imageId(task, 0);
        JsonObject saved = Client.json(save(client, answer("alice", task, real, LEFT)));
        assertFalse(saved.get("correct").getAsBoolean());
        assertEquals(real, store.annotations().get(0).image().id(), "the mask belongs to the image chosen");
    }

    @Test
    void aMaskOfAnotherSizeThanTheChosenImageIs400() throws Exception {
        start(Mode.PAIR, false);
        JsonObject task = task("alice");
        HttpResponse<String> r = save(client, answer("alice", task, synthetic(task), Faces.mask(H, W, (x, y) -> true)));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("the mask is 16x20 but image"), r.body());
        assertEquals(0, store.annotations().size());
    }

    @Test
    void aMaskThatIsNotAPngDataUrlIs400() throws Exception {
        start(Mode.PAIR, false);
        JsonObject task = task("alice");
        JsonObject body = answer("alice", task, synthetic(task), null);
        body.addProperty("mask", "data:image/png;base64,bm90IGEgcG5n");
        assertEquals(400, save(client, body).statusCode());
        body.addProperty("mask", "http://example.com/mask.png");
        assertEquals(400, save(client, body).statusCode());
        body.remove("mask");
        assertEquals(400, save(client, body).statusCode(), "pair mode needs a mask");
    }

    @Test
    void unknownImagesAre404() throws Exception {
        start(Mode.PAIR, false);
        JsonObject task = task("alice");
        JsonObject body = answer("alice", task, synthetic(task), LEFT);
        body.getAsJsonArray("images").set(1, new com.google.gson.JsonPrimitive(987654));
        HttpResponse<String> r = save(client, body);
        assertEquals(404, r.statusCode(), r.body());
        assertEquals(404, client.get(AnnotateServer.API + "/image/987654").statusCode());
        assertEquals(404, client.get(AnnotateServer.API + "/image/..%2F..%2Fetc%2Fpasswd").statusCode());
    }

    @Test
    void answeringAnotherAnnotatorsTaskIs403AndAnUnknownAnnotatorIs401() throws Exception {
        start(Mode.PAIR, false);
        JsonObject alices = task("alice");
        task("mallory");
        HttpResponse<String> forged = save(client, answer("mallory", alices, synthetic(alices), LEFT));
        assertEquals(403, forged.statusCode(), forged.body());
        HttpResponse<String> unknown = save(client, answer("nobody", alices, synthetic(alices), LEFT));
        assertEquals(401, unknown.statusCode(), unknown.body());
        assertEquals(0, store.annotations().size());
    }

    @Test
    void anAnnotatorWithATokenMustSendItAndTheRightOne() throws Exception {
        start(Mode.PAIR, true);
        String token = store.addAnnotator("carol");
        assertEquals(401, next(client, "carol").statusCode(), "no token");
        assertEquals(403, client.send(AnnotateRequests.nextRequest(client, "carol")
                .header("X-Annotator-Token", "wrong").build()).statusCode());
        assertEquals(401, next(client, "dave").statusCode(), "--require-tokens: no name is created on first use");
        HttpResponse<String> r = client.send(AnnotateRequests.nextRequest(client, "carol")
                .header("X-Annotator-Token", token).build());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject task = Client.json(r);
        JsonObject body = answer("carol", task, synthetic(task), LEFT);
        body.addProperty("token", "forged");
        assertEquals(403, save(client, body).statusCode());
        body.addProperty("token", token);
        assertEquals(200, save(client, body).statusCode());
    }

    @Test
    void singleModeTakesRealSyntheticOrUnsureAndAnUnsureAnswerNeedsNoMask() throws Exception {
        start(Mode.SINGLE, false);
        JsonObject task = task("alice");
        assertEquals(1, task.getAsJsonArray("images").size());
        assertEquals(400, save(client, answer("alice", task, "maybe", LEFT)).statusCode());
        HttpResponse<String> r = save(client, answer("alice", task, "unsure", null));
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(Client.json(r).has("correct"), "unsure is neither right nor wrong");
    }

    @Test
    void whenEveryImageHasKAnnotatorsNextSaysDone() throws Exception {
        start(Mode.PAIR, false);
        for (String who : new String[] {"a", "b"}) {
            for (int i = 0; i < 3; i++) {
                JsonObject task = task(who);
                assertEquals(200, save(client, answer(who, task, synthetic(task), LEFT)).statusCode());
            }
        }
        assertTrue(task("c").get("done").getAsBoolean());
        JsonObject overview = Client.json(client.send(client.request(AnnotateServer.OVERVIEW)
                .header("X-Reviewer-Token", store.addReviewer("lead")).GET().build()));
        assertEquals(6, overview.get("images_done").getAsInt());
        assertEquals(2, overview.getAsJsonArray("annotators").size());
        JsonObject image = overview.getAsJsonArray("images").get(0).getAsJsonObject();
        assertEquals(2, image.get("decisions").getAsInt());
        JsonObject progress = Client.json(client.get(AnnotateServer.PROGRESS + "?annotator=a"));
        assertEquals(3, progress.get("annotations").getAsInt());
        assertEquals(1.0, progress.get("accuracy").getAsDouble());
    }

    @Test
    void theOverviewGivesEachAnnotatorsMedianTimeAndThroughputAsTheReportComputesThem() throws Exception {
        start(Mode.PAIR, false);
        long[][] times = {{1000, 1000}, {2000, 2000}, {4000, 4000}}; // totals 2, 4 and 8 s
        for (long[] t : times) {
            JsonObject task = task("a");
            JsonObject body = answer("a", task, synthetic(task), LEFT);
            body.addProperty("ms_decide", t[0]);
            body.addProperty("ms_paint", t[1]);
            assertEquals(200, save(client, body).statusCode());
        }
        JsonObject overview = Client.json(client.send(client.request(AnnotateServer.OVERVIEW)
                .header("X-Reviewer-Token", store.addReviewer("lead")).GET().build()));
        JsonObject a = overview.getAsJsonObject("study").getAsJsonArray("per_annotator").get(0).getAsJsonObject();
        assertEquals("a", a.get("annotator").getAsString());
        JsonObject total = a.getAsJsonObject("times").getAsJsonObject("total_ms");
        assertEquals(java.util.List.of(3, 4000.0, 3000.0, 6000.0), java.util.List.of(total.get("n").getAsInt(),
                total.get("median").getAsDouble(), total.get("q1").getAsDouble(), total.get("q3").getAsDouble()));
        assertEquals(3 * 3_600_000.0 / 14_000, a.getAsJsonObject("throughput").get("per_active_hour").getAsDouble(),
                1e-6);
        assertEquals(3, a.getAsJsonObject("throughput").get("saves").getAsInt());
    }

    @Test
    void aBodyThatIsNotJsonIs400WithAJsonError() throws Exception {
        start(Mode.PAIR, false);
        HttpResponse<String> r = client.send(client.request(AnnotateServer.ANNOTATIONS)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json")).build());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().startsWith("{\"error\":"), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
    }

    // ---- issue 20: a restart with the data root spelled otherwise ----

    @Test
    void restartingOnTheSameDbWithTheDataRootSpelledRelativelyContinuesTheOpenTaskInsteadOf500() throws Exception {
        start(Mode.PAIR, false); // the root as an absolute path
        JsonObject open = task("alice");
        server.close();
        Path relative = relativeToWorkingFolder(dir.resolve("data"));
        catalog = ImageCatalog.register(store, relative, Faces.samples(relative));
        server = AnnotateServer.start(new AnnotateConfig("127.0.0.1", 0, Mode.PAIR, 2, false, null,
                AnnotateConfig.DEFAULT_MAX_BODY_BYTES), store, catalog);
        client = new Client(server.port(), null);

        assertEquals(6, store.images().size(), "no image registered twice");
        JsonObject again = task("alice");
        assertEquals(open.get("task").getAsLong(), again.get("task").getAsLong(), "the open task again");
        assertEquals(200, save(client, answer("alice", again, synthetic(again), LEFT)).statusCode());
    }

    @Test
    void anOpenTaskWithAnImageThisRunDoesNotShowIsSetAsideInsteadOf500() throws Exception {
        // e.g. a restart on another --split of the same data: the open task's images are not handed out now
        start(Mode.PAIR, false);
        JsonObject open = task("alice");
        server.close();
        java.util.List<cyborg.data.Sample> samples = Faces.samples(dir.resolve("data"));
        String shown = catalog.image(imageId(open, 0)).orElseThrow().path();
        java.util.List<cyborg.data.Sample> others = samples.stream()
                .filter(x -> !x.image().toString().replace('\\', '/').endsWith(shown)).toList();
        assertEquals(5, others.size());
        catalog = ImageCatalog.register(store, dir.resolve("data"), others);
        server = AnnotateServer.start(new AnnotateConfig("127.0.0.1", 0, Mode.PAIR, 2, false, null,
                AnnotateConfig.DEFAULT_MAX_BODY_BYTES), store, catalog);
        client = new Client(server.port(), null);

        JsonObject next = task("alice");
        assertFalse(next.get("task").equals(open.get("task")), "a task this run can show");
        assertTrue(catalog.image(imageId(next, 0)).isPresent() && catalog.image(imageId(next, 1)).isPresent());
    }

    /** {@code folder} as a path relative to the working folder, as a user in another folder would type it. */
    static Path relativeToWorkingFolder(Path folder) {
        Path relative = Path.of("").toAbsolutePath().relativize(folder.toAbsolutePath());
        assertFalse(relative.isAbsolute());
        return relative;
    }

    // ---- issue 20: the overview gives the labels away, so only reviewers may read it ----

    @Test
    void theOverviewNeedsAReviewersTokenAndNeitherNoTokenNorAnAnnotatorsOpensIt() throws Exception {
        start(Mode.PAIR, false);
        String annotatorToken = store.addAnnotator("alice");
        String reviewerToken = store.addReviewer("lead");
        HttpResponse<String> none = client.get(AnnotateServer.OVERVIEW);
        assertEquals(401, none.statusCode(), none.body());
        assertTrue(none.body().contains("add-reviewer"), none.body());
        assertFalse(none.body().contains("Synthetic"), none.body());
        assertEquals(401, client.send(client.request(AnnotateServer.OVERVIEW)
                .header("X-Annotator-Token", annotatorToken).GET().build()).statusCode());
        HttpResponse<String> annotators = client.send(client.request(AnnotateServer.OVERVIEW)
                .header("X-Reviewer-Token", annotatorToken).GET().build());
        assertEquals(403, annotators.statusCode(), annotators.body());
        HttpResponse<String> reviewers = client.send(client.request(AnnotateServer.OVERVIEW)
                .header("X-Reviewer-Token", reviewerToken).GET().build());
        assertEquals(200, reviewers.statusCode(), reviewers.body());
        assertEquals(6, Client.json(reviewers).get("images_total").getAsInt());
    }

    @Test
    void theAnnotatorsPageDoesNotLinkToTheOverview() throws Exception {
        start(Mode.PAIR, false);
        HttpResponse<String> page = client.get("/");
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("overview"), page.body());
    }

    // ---- issue 20: requests a page of another site could forge ----

    @Test
    void aSaveSentAsTextPlainIs415AndSavesNothing() throws Exception {
        start(Mode.PAIR, false);
        JsonObject task = task("alice");
        HttpResponse<String> r = client.send(client.request(AnnotateServer.ANNOTATIONS)
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        answer("alice", task, synthetic(task), LEFT).toString())).build());
        assertEquals(415, r.statusCode(), r.body());
        assertTrue(r.body().contains("Content-Type: application/json"), r.body());
        assertEquals(0, store.annotations().size());
    }

    @Test
    void aSaveFromAnotherSitesPageIs403AndSavesNothing() throws Exception {
        start(Mode.PAIR, false);
        JsonObject task = task("alice");
        HttpResponse<String> r = client.send(client.request(AnnotateServer.ANNOTATIONS)
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        answer("alice", task, synthetic(task), LEFT).toString())).build());
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"error\":") && r.body().contains("another site"), r.body());
        assertEquals(0, store.annotations().size());
        HttpResponse<String> own = client.send(client.request(AnnotateServer.ANNOTATIONS)
                .header("Content-Type", "application/json").header("Origin", "http://localhost:" + server.port())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        answer("alice", task, synthetic(task), LEFT).toString())).build());
        assertEquals(200, own.statusCode(), "the server's own page: " + own.body());
    }

    @Test
    void aRequestAddressedToAnotherHostIs403() throws Exception {
        // DNS rebinding: a name of the attacker's resolves to this server; the browser sends that name as Host
        start(Mode.PAIR, false);
        String forged = rawPost(server.port(), "evil.example:" + server.port(), "{\"annotator\": \"alice\"}");
        assertTrue(forged.startsWith("HTTP/1.1 403"), forged);
        assertTrue(forged.contains("Host header"), forged);
        assertTrue(store.annotator("alice").isEmpty(), "nothing created");
        String own = rawPost(server.port(), "localhost:" + server.port(), "{\"annotator\": \"alice\"}");
        assertTrue(own.startsWith("HTTP/1.1 200"), own);
        String wrongPort = rawPost(server.port(), "127.0.0.1:1", "{\"annotator\": \"bob\"}");
        assertTrue(wrongPort.startsWith("HTTP/1.1 403"), wrongPort);
    }

    @Test
    void aNameAllowedWithAllowHostIsAccepted() throws Exception {
        store = AnnotationStore.open(dir.resolve("a.db"));
        catalog = ImageCatalog.register(store, dir.resolve("data"), Faces.write(dir.resolve("data"), 3, 3, W, H));
        server = AnnotateServer.start(new AnnotateConfig("127.0.0.1", 0, Mode.PAIR, 2, false, null,
                AnnotateConfig.DEFAULT_MAX_BODY_BYTES, java.util.List.of("faces.example.org")), store, catalog);
        assertTrue(rawPost(server.port(), "faces.example.org", "{\"annotator\": \"alice\"}")
                .startsWith("HTTP/1.1 200"));
        assertTrue(rawPost(server.port(), "other.example.org", "{\"annotator\": \"bob\"}")
                .startsWith("HTTP/1.1 403"));
    }

    @Test
    void askingForATaskWithAGetChangesNothingAndIs405() throws Exception {
        start(Mode.PAIR, false);
        HttpResponse<String> r = client.get(AnnotateServer.NEXT + "?annotator=alice");
        assertEquals(405, r.statusCode(), r.body());
        assertTrue(store.annotator("alice").isEmpty(), "no annotator created");
        assertTrue(store.seenBy(1).isEmpty(), "no image reserved");
        HttpResponse<String> plain = client.send(client.request(AnnotateServer.NEXT)
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"annotator\": \"alice\"}")).build());
        assertEquals(415, plain.statusCode(), plain.body());
        assertTrue(store.annotator("alice").isEmpty(), "no annotator created");
    }

    /** A POST of a JSON body to next with exactly this Host header (java.net.http will not send another). */
    private static String rawPost(int port, String host, String json) throws java.io.IOException {
        byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST " + AnnotateServer.NEXT + " HTTP/1.1\r\nHost: " + host
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
