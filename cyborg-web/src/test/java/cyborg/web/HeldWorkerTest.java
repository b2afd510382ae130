package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Queue limits and shutdown, made deterministic by holding the model's worker before its forward pass. */
class HeldWorkerTest {
    private static CyborgServer start(Gate gate) throws Exception {
        return CyborgServer.start(ServeConfig.builder().model("alpha", TestModels.alpha()).port(0)
                .maxBatch(1).queueCapacity(1).beforeForward(gate).build());
    }

    private static Multipart image(int seed) {
        return new Multipart().file("image", "q" + seed + ".png", TestModels.png(32, 32, seed));
    }

    @Test
    void fullQueueIs503WithRetryAfter() throws Exception {
        Gate gate = new Gate();
        try (CyborgServer server = start(gate)) {
            Client client = new Client(server.port(), null);
            CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(
                    () -> client.post(Routes.SCORE, image(1)));
            gate.awaitEntered(); // the first image is in the worker, held
            CompletableFuture<HttpResponse<String>> queued = CompletableFuture.supplyAsync(
                    () -> client.post(Routes.SCORE, image(2)));
            while (server.queued() < 1) { // the second fills the queue (capacity 1)
                Thread.onSpinWait();
            }
            HttpResponse<String> refused = client.post(Routes.SCORE, image(3));
            CyborgServerTest.assertError(refused, 503, "retry");
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
            gate.release();
            assertEquals(200, held.get(30, TimeUnit.SECONDS).statusCode());
            assertEquals(200, queued.get(30, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void closeAnswersTheRequestInFlightThenStops() throws Exception {
        Gate gate = new Gate();
        CyborgServer server = start(gate);
        Client client = new Client(server.port(), null);
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(
                () -> client.post(Routes.SCORE, image(1)));
        gate.awaitEntered();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        while (!server.draining()) {
            Thread.onSpinWait();
        }
        assertFalse(closing.isDone(), "close() must wait for the request in flight");
        CyborgServerTest.assertError(client.post(Routes.SCORE, image(2)), 503, "shutting down");
        // not ready while it drains, so a load balancer stops sending; still live
        assertEquals(400, client.get(Routes.V2_READY).statusCode());
        assertEquals(503, client.get(Routes.HEALTH).statusCode());
        assertEquals(200, client.get(Routes.V2_LIVE).statusCode());
        gate.release();
        HttpResponse<String> answered = inFlight.get(30, TimeUnit.SECONDS);
        assertEquals(200, answered.statusCode(), answered.body());
        assertTrue(answered.body().contains("\"score\""), answered.body());
        closing.get(30, TimeUnit.SECONDS);
    }
}
