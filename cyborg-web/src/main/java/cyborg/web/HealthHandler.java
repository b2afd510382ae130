package cyborg.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.Map;

/** {@code GET /healthz}: 200 once the models are loaded (the server only starts listening after). */
final class HealthHandler implements Handler {
    private final ModelRegistry models;

    HealthHandler(ModelRegistry models) {
        this.models = models;
    }

    @Override
    public void handle(Context ctx) {
        boolean ok = !models.all().isEmpty();
        Json.send(ctx, ok ? 200 : 503, Map.of("status", ok ? "ok" : "no models loaded"));
    }
}
