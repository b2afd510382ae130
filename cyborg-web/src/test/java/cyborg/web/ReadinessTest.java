package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** Live is not ready: the server listens while its models load, made deterministic by holding the load. */
class ReadinessTest {
    @Test
    void readyIsFalseUntilEveryModelIsLoadedWhileLiveIsTrueFromTheStart() throws Exception {
        Gate load = new Gate();
        try (CyborgServer server = CyborgServer.open(ServeConfig.builder().model("alpha", TestModels.alpha())
                .model("beta", TestModels.beta()).port(0).beforeLoad(i -> {
                    if (i == 0) {
                        load.run();
                    }
                }).build())) {
            Client client = new Client(server.port(), null);
            load.awaitEntered(); // the loader is held before the first model
            assertEquals(200, client.get(Routes.V2_LIVE).statusCode());
            HttpResponse<String> ready = client.get(Routes.V2_READY);
            assertEquals(400, ready.statusCode());
            assertEquals("", ready.body());
            assertEquals(400, client.get("/v2/models/alpha/ready").statusCode());
            HttpResponse<String> health = client.get(Routes.HEALTH);
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("loading (0 of 2 models loaded)"), health.body());
            HttpResponse<String> score = client.post(Routes.SCORE, new Multipart().file("image", "a.png",
                    TestModels.png(32, 32, 1)));
            CyborgServerTest.assertError(score, 503, "still loading");
            assertEquals("1", score.headers().firstValue("Retry-After").orElse(null));
            CyborgServerTest.assertError(client.get("/v2/models/alpha"), 503, "still loading");
            CyborgServerTest.assertError(client.get("/v2/models/gamma/ready"), 404, "alpha, beta");

            load.release();
            server.awaitReady();
            assertEquals(200, client.get(Routes.V2_READY).statusCode());
            assertEquals(200, client.get("/v2/models/beta/ready").statusCode());
            assertEquals(200, client.get(Routes.HEALTH).statusCode());
        }
    }

    @Test
    void aModelThatFailsToLoadLeavesTheServerNotReadyAndAwaitReadySaysWhy() throws Exception {
        Path missing = TestModels.root().resolve("no-such-run");
        try (CyborgServer server = CyborgServer.open(ServeConfig.builder().model("alpha", TestModels.alpha())
                .model("broken", missing).port(0).build())) {
            IOException e = assertThrows(IOException.class, server::awaitReady);
            assertTrue(e.getMessage().contains("no-such-run"), e.getMessage());
            Client client = new Client(server.port(), null);
            // alpha loaded, then was freed when broken failed: not "no model named 'alpha'"
            CyborgServerTest.assertError(client.get("/v2/models/alpha"), 503, "failed to load");
            assertEquals(400, client.get(Routes.V2_READY).statusCode());
            HttpResponse<String> health = client.get(Routes.HEALTH);
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("failed"), health.body());
        }
    }

    @Test
    void startClosesTheServerWhenAModelFailsToLoad() {
        Path missing = TestModels.root().resolve("no-such-run");
        assertThrows(IOException.class, () -> CyborgServer.start(ServeConfig.builder().model(missing).port(0).build()));
    }

    @Test
    void aBareNameMeansTheHighestVersionEvenWhileItIsStillLoading() throws Exception {
        Gate second = new Gate();
        try (CyborgServer server = CyborgServer.open(ServeConfig.builder()
                .model(ModelSource.parse("beta:1=" + TestModels.alpha(), null))
                .model(ModelSource.parse("beta:2=" + TestModels.beta(), null)).port(0).beforeLoad(i -> {
                    if (i == 1) {
                        second.run();
                    }
                }).build())) {
            Client client = new Client(server.port(), null);
            second.awaitEntered(); // version 1 is loaded, version 2 held
            assertEquals(200, client.get("/v2/models/beta/versions/1/ready").statusCode());
            assertEquals(400, client.get("/v2/models/beta/ready").statusCode(), "beta is version 2, still loading");
            CyborgServerTest.assertError(client.get("/v2/models/beta"), 503, "still loading");
            second.release();
            server.awaitReady();
            assertEquals("2", Client.json(client.send(client.request("/v2/models/beta/infer").POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString("{\"inputs\":[{\"name\":\"images\",\"shape\":[1],"
                    + "\"datatype\":\"BYTES\",\"data\":[\"" + java.util.Base64.getEncoder().encodeToString(
                    TestModels.png(32, 32, 1)) + "\"]}]}")).build())).get("model_version").getAsString());
        }
    }

    @Test
    void closingWhileAModelLoadsFreesItAndAwaitReadySaysSo() throws Exception {
        Gate load = new Gate();
        CyborgServer server = CyborgServer.open(ServeConfig.builder().model("alpha", TestModels.alpha()).port(0)
                .beforeLoad(i -> load.run()).build());
        load.awaitEntered();
        java.util.concurrent.CompletableFuture<Void> closing = java.util.concurrent.CompletableFuture.runAsync(server::close);
        while (!server.draining()) {
            Thread.onSpinWait();
        }
        load.release(); // the model loads after close began: it is freed, not served
        closing.get(60, java.util.concurrent.TimeUnit.SECONDS);
        IOException e = assertThrows(IOException.class, server::awaitReady);
        assertTrue(e.getMessage().contains("closed while its models loaded"), e.getMessage());
        assertTrue(server.models().all().isEmpty(), "nothing left loaded");
    }
}
