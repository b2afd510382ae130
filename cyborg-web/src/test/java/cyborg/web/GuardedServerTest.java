package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A server with a token, small limits and kept uploads. */
class GuardedServerTest {
    private static final String TOKEN = "s3cret";
    @TempDir
    static Path kept;
    private static CyborgServer server;

    @BeforeAll
    static void start() throws Exception {
        server = CyborgServer.start(ServeConfig.builder().model("alpha", TestModels.alpha()).port(0).token(TOKEN)
                .maxUploadBytes(20_000).maxPixels(64 * 64).keepUploads(kept).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void missingOrWrongTokenIs401OnTheApiAndMetrics() {
        Client none = new Client(server.port(), null);
        Client wrong = new Client(server.port(), "guess");
        for (Client c : List.of(none, wrong)) {
            CyborgServerTest.assertError(c.get(Routes.MODELS), 401, "token");
            CyborgServerTest.assertError(c.get(Routes.METRICS), 401, "token");
            CyborgServerTest.assertError(c.get("/v2/models/alpha"), 401, "token");
            CyborgServerTest.assertError(c.get("/v2/models/alpha/ready"), 401, "token");
            CyborgServerTest.assertError(c.send(c.request("/v2/models/alpha/infer").POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()), 401, "token");
            CyborgServerTest.assertError(c.post(Routes.SCORE,
                    new Multipart().file("image", "a.png", TestModels.png(32, 32, 1))), 401, "token");
        }
        assertEquals(200, new Client(server.port(), TOKEN).get(Routes.MODELS).statusCode());
    }

    @Test
    void pageAndHealthStayOpen() {
        Client none = new Client(server.port(), null);
        assertEquals(200, none.get("/").statusCode());
        assertEquals(200, none.get(Routes.HEALTH).statusCode());
        // the protocol's probes and server metadata: what a platform's health checks call without credentials
        assertEquals(200, none.get(Routes.V2_LIVE).statusCode());
        assertEquals(200, none.get(Routes.V2_READY).statusCode());
        assertEquals(200, none.get(Routes.V2).statusCode());
    }

    @Test
    void anInferenceBodyOverTheByteLimitIs413() {
        String body = "{\"inputs\":[{\"name\":\"images\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\""
                + "A".repeat(30_000) + "\"]}]}";
        Client c = new Client(server.port(), TOKEN);
        CyborgServerTest.assertError(c.send(c.request("/v2/models/alpha/infer").POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(body)).build()), 413, "limit");
    }

    @Test
    void uploadOverTheByteLimitIs413() {
        byte[] big = new byte[30_000];
        CyborgServerTest.assertError(new Client(server.port(), TOKEN).post(Routes.SCORE,
                new Multipart().file("image", "big.png", big)), 413, "limit");
    }

    @Test
    void uploadRefusedByItsContentLengthIsCountedAsTooLargeInMetrics() {
        // Jetty refuses it before any route, from its Content-Length: still counted, as a route's refusal is
        Client client = new Client(server.port(), TOKEN);
        double before = tooLarge(client);
        CyborgServerTest.assertError(client.post(Routes.SCORE, new Multipart().file("image", "big.png",
                new byte[30_000])), 413, "limit");
        assertEquals(before + 1, tooLarge(client));
    }

    @Test
    void everyUploadRefusedByItsContentLengthGetsItsAnswerNotAReset() {
        // Closed with the body unread, about 1 in 11 of these lost its 413 to a reset (2026-12-07):
        // 60 in a row would pass by luck once in 300 runs. A fresh client, so no retry hides one.
        var http = java.net.http.HttpClient.newHttpClient();
        Client client = new Client(server.port(), TOKEN);
        for (int i = 0; i < 60; i++) {
            Multipart body = new Multipart().file("image", "big.png", new byte[30_000 + (i % 6) * 50_000]);
            try {
                var r = http.send(client.request(Routes.SCORE).header("Content-Type", body.contentType())
                        .POST(body.publisher()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                CyborgServerTest.assertError(r, 413, "limit");
            } catch (java.io.IOException e) {
                throw new AssertionError("upload " + i + " (" + (30_000 + (i % 6) * 50_000) + " bytes) got no answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static double tooLarge(Client client) {
        String prefix = "cyborg_errors_total{kind=\"too_large\"} ";
        return client.get(Routes.METRICS).body().lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()).trim())).findFirst().orElse(0);
    }

    @Test
    void imageOverThePixelLimitIs413FromItsHeader() {
        var r = new Client(server.port(), TOKEN).post(Routes.SCORE,
                new Multipart().file("image", "wide.png", TestModels.png(100, 50, 1)));
        CyborgServerTest.assertError(r, 413, "megapixels");
        assertEquals("wide.png", Client.json(r).get("file").getAsString());
    }

    @Test
    void keptUploadsGetGeneratedNames() throws Exception {
        CyborgServerTest.ok(new Client(server.port(), TOKEN).post(Routes.SCORE,
                new Multipart().file("image", "../evil.png", TestModels.png(32, 32, 4))));
        try (Stream<Path> files = Files.list(kept)) {
            List<Path> all = files.toList();
            assertTrue(!all.isEmpty() && all.stream().allMatch(p -> p.getFileName().toString().endsWith(".upload")),
                    all.toString());
        }
        assertTrue(Files.notExists(kept.getParent().resolve("evil.png")));
    }
}
