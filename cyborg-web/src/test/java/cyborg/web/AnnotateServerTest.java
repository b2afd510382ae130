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
        assertEquals(403, client.get(AnnotateServer.NEXT + "?annotator=carol&token=wrong").statusCode());
        assertEquals(401, next(client, "dave").statusCode(), "--require-tokens: no name is created on first use");
        HttpResponse<String> r = client.send(client.request(AnnotateServer.NEXT + "?annotator=carol")
                .header("X-Annotator-Token", token).GET().build());
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
        JsonObject overview = Client.json(client.get(AnnotateServer.OVERVIEW));
        assertEquals(6, overview.get("images_done").getAsInt());
        assertEquals(2, overview.getAsJsonArray("annotators").size());
        JsonObject image = overview.getAsJsonArray("images").get(0).getAsJsonObject();
        assertEquals(2, image.get("decisions").getAsInt());
        JsonObject progress = Client.json(client.get(AnnotateServer.PROGRESS + "?annotator=a"));
        assertEquals(3, progress.get("annotations").getAsInt());
        assertEquals(1.0, progress.get("accuracy").getAsDouble());
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
}
