package cyborg.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /metrics}: the Prometheus text exposition. */
final class MetricsHandler implements Handler {
    private final ServeMetrics metrics;

    MetricsHandler(ServeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        ctx.contentType(ServeMetrics.contentType()).result(metrics.scrape());
    }
}
