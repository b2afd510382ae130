package cyborg.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.Map;

/**
 * {@code GET /healthz}: 200 {@code ok} when the server is ready (every model loaded, its worker
 * running, not shutting down), else 503 saying why: {@code loading}, {@code failed} or
 * {@code shutting down}. The Open Inference Protocol's {@code /v2/health/live} and
 * {@code /v2/health/ready} tell liveness from readiness.
 */
final class HealthHandler implements Handler {
    private final Readiness readiness;

    HealthHandler(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public void handle(Context ctx) {
        String status = readiness.status();
        Json.send(ctx, status.equals(Readiness.OK) ? 200 : 503, Map.of("status", status));
    }
}
