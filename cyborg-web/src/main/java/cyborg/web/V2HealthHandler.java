package cyborg.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The Open Inference Protocol's {@code GET /v2/health/live} and {@code /v2/health/ready}: the
 * answer is the status, 200 for true and 400 for false, with an empty body (the protocol's
 * health API). Live as soon as the server answers (while the models load), until a model's worker
 * dies; ready once every model is loaded and its worker running, and no longer once shutdown begins.
 */
final class V2HealthHandler implements Handler {
    /** The status for "false": the protocol says a 4xx; 400 is what other servers answer. */
    static final int FALSE = 400;

    private final Readiness readiness;
    private final boolean ready;

    private V2HealthHandler(Readiness readiness, boolean ready) {
        this.readiness = readiness;
        this.ready = ready;
    }

    static V2HealthHandler live(Readiness readiness) {
        return new V2HealthHandler(readiness, false);
    }

    static V2HealthHandler ready(Readiness readiness) {
        return new V2HealthHandler(readiness, true);
    }

    @Override
    public void handle(Context ctx) {
        ctx.status((ready ? readiness.ready() : readiness.live()) ? 200 : FALSE).result("");
    }
}
