package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import cyborg.data.Label;
import cyborg.data.Origin;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.score.Scorer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The server against one shared instance with two models, on a free port. */
class CyborgServerTest {
    private static CyborgServer server;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        server = CyborgServer.start(ServeConfig.builder().model("alpha", TestModels.alpha()).model("beta", TestModels.beta())
                .port(0).build());
        client = new Client(server.port(), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** What `cyborg score` writes for these files: (float) of Scorer's score, batch 8. */
    static List<Float> scorerScores(Path model, List<Path> files) throws Exception {
        return scorerScores(model, files, 8);
    }

    /** What cyborg score --batch {@code batch} writes for {@code files}, as floats. */
    static List<Float> scorerScores(Path model, List<Path> files, int batch) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (Path f : files) {
            samples.add(new Sample(f.toString(), f, Label.REAL, "x", "test", new Origin(f, 0)));
        }
        try (Scorer scorer = Scorer.open(model)) {
            return scorer.score(samples, batch, null, null, SkipReport.failFast(), null).stream()
                    .map(s -> (float) s.score()).toList();
        }
    }

    /** The labels {@code cyborg score}'s scorer gives {@code files}, one image per forward pass. */
    static List<String> scorerLabels(Path model, List<Path> files) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (Path f : files) {
            samples.add(new Sample(f.toString(), f, Label.REAL, "x", "test", new Origin(f, 0)));
        }
        try (Scorer scorer = Scorer.open(model)) {
            return scorer.cams(samples, 1, null).stream().map(c -> c.prediction().label().displayName()).toList();
        }
    }

    @Test
    void scoresEqualThoseOfCyborgScoreForTheSameFilesAndModel(@TempDir Path dir) throws Exception {
        // One image per request, so each forward pass holds one image, as cyborg score --batch 1 runs
        // it: the same batch gives the same float (a batch mixing other images may differ in the last
        // bit, as cyborg score's batch sizes do; the concurrent test allows for that).
        List<Path> files = new ArrayList<>();
        List<JsonObject> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] png = TestModels.png(40 + 7 * i, 36 + 3 * i, i); // not the input size: the resize must match too
            Path f = dir.resolve("face-" + i + ".png");
            Files.write(f, png);
            files.add(f);
            HttpResponse<String> r = client.post(Routes.SCORE,
                    new Multipart().field("model", "alpha").file("image", f.getFileName().toString(), png));
            assertEquals(200, r.statusCode(), r.body());
            JsonArray one = Client.json(r).getAsJsonArray("results");
            assertEquals(1, one.size());
            results.add(one.get(0).getAsJsonObject());
        }
        List<Float> expected = scorerScores(TestModels.alpha(), files, 1);
        List<String> labels = scorerLabels(TestModels.alpha(), files);
        for (int i = 0; i < 5; i++) {
            JsonObject o = results.get(i);
            assertEquals("face-" + i + ".png", o.get("file").getAsString());
            assertEquals("alpha", o.get("model").getAsString());
            assertEquals(expected.get(i), o.get("score").getAsFloat(), "exact float, " + o);
            assertEquals(labels.get(i), o.get("label").getAsString());
            assertFalse(o.has("cam"));
        }
    }

    @Test
    void modelsListsBothInLoadOrderWithTheirSidecars() {
        HttpResponse<String> r = client.get(Routes.MODELS);
        assertEquals(200, r.statusCode(), r.body());
        JsonArray models = Client.json(r).getAsJsonArray("models");
        assertEquals(2, models.size());
        JsonObject a = models.get(0).getAsJsonObject();
        assertEquals("alpha", a.get("name").getAsString());
        assertEquals("smallresnet", a.get("architecture").getAsString());
        assertEquals(32, a.get("input_size").getAsInt());
        assertEquals("predicted", a.get("cam_class").getAsString());
        assertEquals(0.5, a.getAsJsonObject("metrics").get("val_auc").getAsDouble());
        assertEquals("beta", models.get(1).getAsJsonObject().get("name").getAsString());
    }

    @Test
    void theRootServesThePage() {
        HttpResponse<String> r = client.get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("cyborg serve"), r.body());
    }

    @Test
    void unknownRouteIs404Json() {
        assertError(client.get("/api/v1/nothing"), 404, "no such");
        assertError(client.get("/nothing.html"), 404, "no such");
    }

    @Test
    void severalFilesAndEveryModelAreOrderedByFileThenModel() {
        Multipart body = new Multipart().file("image", "a.png", TestModels.png(32, 32, 11))
                .file("image", "b.png", TestModels.png(32, 32, 12));
        JsonArray results = Client.json(ok(client.post(Routes.SCORE, body))).getAsJsonArray("results");
        List<String> order = new ArrayList<>();
        results.forEach(e -> order.add(e.getAsJsonObject().get("file").getAsString() + "/"
                + e.getAsJsonObject().get("model").getAsString()));
        assertEquals(List.of("a.png/alpha", "a.png/beta", "b.png/alpha", "b.png/beta"), order);
    }

    @Test
    void selectingAModelScoresWithThatModelOnly() {
        Multipart body = new Multipart().field("model", "beta").file("image", "a.png", TestModels.png(32, 32, 11));
        JsonArray results = Client.json(ok(client.post(Routes.SCORE, body))).getAsJsonArray("results");
        assertEquals(1, results.size());
        assertEquals("beta", results.get(0).getAsJsonObject().get("model").getAsString());
    }

    @Test
    void camIsAPngDataUrlAtTheModelsInputSize() throws Exception {
        Multipart body = new Multipart().field("cam", "true").field("model", "alpha")
                .file("image", "a.png", TestModels.png(50, 40, 3));
        JsonObject result = Client.json(ok(client.post(Routes.SCORE, body))).getAsJsonArray("results").get(0)
                .getAsJsonObject();
        String url = result.get("cam").getAsString();
        assertTrue(url.startsWith("data:image/png;base64,"), url);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(url.substring("data:image/png;base64,".length()))));
        assertEquals(TestModels.SIZE, png.getWidth());
        assertEquals(TestModels.SIZE, png.getHeight());
    }

    @Test
    void corruptUploadIs400NamingTheUpload() {
        byte[] png = TestModels.png(32, 32, 5);
        byte[] cut = Arrays.copyOf(png, png.length / 2);
        HttpResponse<String> r = client.post(Routes.SCORE, new Multipart().file("image", "cut.png", cut));
        assertError(r, 400, "corrupt");
        assertEquals("cut.png", Client.json(r).get("file").getAsString());
        assertFalse(r.body().contains("/tmp"), r.body());
    }

    @Test
    void unsupportedFormatIs400() {
        HttpResponse<String> r = client.post(Routes.SCORE,
                new Multipart().file("image", "notes.txt", "hello, not an image".getBytes(StandardCharsets.UTF_8)));
        assertError(r, 400, "unsupported");
        assertEquals("notes.txt", Client.json(r).get("file").getAsString());
    }

    @Test
    void missingImageFieldIs400() {
        assertError(client.post(Routes.SCORE, new Multipart().field("model", "alpha")), 400, "image");
        assertError(client.post(Routes.SCORE, new Multipart().file("picture", "a.png", TestModels.png(8, 8, 1))),
                400, "image");
    }

    @Test
    void unknownModelIs404ListingTheLoadedOnes() {
        HttpResponse<String> r = client.post(Routes.SCORE,
                new Multipart().field("model", "gamma").file("image", "a.png", TestModels.png(8, 8, 1)));
        assertError(r, 404, "alpha, beta");
    }

    @Test
    void unknownMethodIs405Json() {
        assertError(client.send(client.request(Routes.SCORE).DELETE().build()), 405, "method");
    }

    @Test
    void uploadNamedWithATraversalIsEchoedAsItsBaseName() {
        HttpResponse<String> r = client.post(Routes.SCORE,
                new Multipart().field("model", "alpha").file("image", "../../etc/passwd", TestModels.png(32, 32, 2)));
        JsonObject result = Client.json(ok(r)).getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals("passwd", result.get("file").getAsString());
    }

    @Test
    void traversalPathsAre404JsonNotTheFile() throws Exception {
        for (String path : List.of("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd",
                "/static/../../../etc/passwd")) {
            String response = RawHttp.get(server.port(), path);
            assertTrue(response.startsWith("HTTP/1.1 404"), path + " -> " + response);
            assertTrue(response.contains("\"error\""), response);
            assertFalse(response.contains("root:"), response);
        }
    }

    @Test
    void sixtyFourConcurrentClientsEachGetTheirOwnImagesScore(@TempDir Path dir) throws Exception {
        int n = 64;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve("c" + i + ".png");
            Files.write(f, TestModels.png(32, 32, 1000 + i));
            files.add(f);
        }
        List<Float> expected = scorerScores(TestModels.alpha(), files);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Float>> answers = new ArrayList<>();
            for (Path f : files) {
                answers.add(pool.submit(() -> {
                    Multipart body = new Multipart().field("model", "alpha")
                            .file("image", f.getFileName().toString(), Files.readAllBytes(f));
                    JsonObject o = Client.json(ok(client.post(Routes.SCORE, body))).getAsJsonArray("results").get(0)
                            .getAsJsonObject();
                    assertEquals(f.getFileName().toString(), o.get("file").getAsString());
                    return o.get("score").getAsFloat();
                }));
            }
            for (int i = 0; i < n; i++) {
                // Batches here mix clients, so an image's batch differs from Scorer's: the CPU kernels may
                // then round the last bit differently (as `cyborg score --batch 1` vs 8 may).
                assertEquals(expected.get(i), answers.get(i).get(60, TimeUnit.SECONDS), 2e-6f, "client " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void metricsCountRequestsErrorsBatchesAndTheQueue() {
        ok(client.post(Routes.SCORE, new Multipart().field("model", "alpha").file("image", "a.png",
                TestModels.png(32, 32, 9))));
        client.post(Routes.SCORE, new Multipart().field("model", "nope").file("image", "a.png", TestModels.png(8, 8, 9)));
        String text = ok(client.get(Routes.METRICS)).body();
        assertTrue(text.contains("cyborg_http_requests_total{method=\"POST\",route=\"/api/v1/score\",status=\"200\"}"),
                text);
        assertTrue(text.contains("cyborg_errors_total{kind=\"unknown_model\"}"), text);
        assertTrue(text.contains("cyborg_batch_size_images_count{model=\"alpha\"}"), text);
        assertTrue(text.contains("cyborg_http_request_duration_seconds_bucket"), text);
        assertTrue(text.contains("cyborg_queue_depth_images"), text);
        // the client's standard collectors: JVM memory and the process's CPU time
        assertTrue(text.contains("jvm_memory_used_bytes{area=\"heap\"}"), text);
        assertTrue(text.contains("process_cpu_seconds_total"), text);
    }

    @Test
    void healthzIsOk() {
        assertEquals("ok", Client.json(ok(client.get(Routes.HEALTH))).get("status").getAsString());
    }

    @Test
    void openApiDescribesEveryRoute() {
        JsonObject paths = Client.json(ok(client.get(Routes.OPENAPI))).getAsJsonObject("paths");
        for (Routes.Route route : server.routes()) {
            // a route that parses the rest of its path itself is described by the paths it takes
            String path = route.path().replace("<path>", "{name}");
            String method = route.method().name().toLowerCase(Locale.ROOT);
            assertTrue(paths.keySet().stream().anyMatch(p -> p.startsWith(path) && paths.getAsJsonObject(p).has(method)),
                    route.method() + " " + route.path() + " missing from openapi.json");
        }
    }

    static HttpResponse<String> ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    static void assertError(HttpResponse<String> r, int status, String mentions) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.toString());
        String error = Client.json(r).get("error").getAsString();
        assertTrue(error.toLowerCase(Locale.ROOT).contains(mentions.toLowerCase(Locale.ROOT)), error);
        assertFalse(r.body().contains("\tat "), "stack trace in " + r.body());
    }
}
