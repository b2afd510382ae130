package cyborg.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;

import java.util.List;

/**
 * Every route of the server, in one place: the API, health, metrics, and which of them the token
 * guards. The page and its assets are static files from the class path folder
 * {@value #STATIC_FOLDER}, served at {@code /}.
 */
final class Routes {
    static final String SCORE = "/api/v1/score";
    static final String MODELS = "/api/v1/models";
    static final String OPENAPI = "/api/v1/openapi.json";
    static final String HEALTH = "/healthz";
    static final String METRICS = "/metrics";
    /** The Open Inference Protocol (KServe v2, REST): server metadata, health, and per-model routes. */
    static final String V2 = "/v2";
    static final String V2_LIVE = "/v2/health/live";
    static final String V2_READY = "/v2/health/ready";
    /** {@code NAME[/versions/VERSION][/ready|/infer]}: model names may hold slashes, so one route parses the rest. */
    static final String V2_MODEL = "/v2/models/<path>";
    static final String STATIC_FOLDER = "/cyborg/web/static";
    /** What the token guards (the page, its assets, /healthz and the protocol's server routes stay open). */
    static final List<String> GUARDED = List.of("/api/*", METRICS, "/v2/models/*");

    /** One route: method, path, handler. */
    record Route(HandlerType method, String path, Handler handler) {
    }

    /** The handlers, one per concern. */
    record Handlers(ScoreHandler score, ModelsHandler models, OpenApiHandler openApi, HealthHandler health,
            MetricsHandler metrics, V2ServerHandler v2Server, V2HealthHandler v2Live, V2HealthHandler v2Ready,
            V2ModelHandler v2Model, V2InferHandler v2Infer) {
    }

    private Routes() {
    }

    /** The route table. */
    static List<Route> table(Handlers h) {
        return List.of(
                new Route(HandlerType.POST, SCORE, h.score()),
                new Route(HandlerType.GET, MODELS, h.models()),
                new Route(HandlerType.GET, OPENAPI, h.openApi()),
                new Route(HandlerType.GET, HEALTH, h.health()),
                new Route(HandlerType.GET, METRICS, h.metrics()),
                new Route(HandlerType.GET, V2, h.v2Server()),
                new Route(HandlerType.GET, V2_LIVE, h.v2Live()),
                new Route(HandlerType.GET, V2_READY, h.v2Ready()),
                new Route(HandlerType.GET, V2_MODEL, h.v2Model()),
                new Route(HandlerType.POST, V2_MODEL, h.v2Infer()));
    }

    /** Declares the table, the token guard (if any) and the request metrics. */
    static void install(RoutesConfig routes, List<Route> table, TokenGuard guard, ServeMetrics metrics) {
        routes.before(ctx -> ctx.attribute(START, System.nanoTime()));
        if (guard != null) {
            GUARDED.forEach(path -> routes.before(path, guard));
        }
        table.forEach(r -> routes.addHttpHandler(r.method(), r.path(), r.handler()));
        routes.after(ctx -> {
            Long start = ctx.attribute(START);
            double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
            metrics.request(label(ctx, table), ctx.method().name(), ctx.statusCode(), seconds);
        });
    }

    private static final String START = "cyborg.start";

    /** The route a request is counted under: its route's path, else "static" or "unmatched" (bounded label values). */
    private static String label(Context ctx, List<Route> table) {
        Endpoint matched = ctx.endpoints().lastHttpEndpoint();
        for (Route r : table) {
            if (r.path().equals(ctx.path()) || matched != null && r.path().equals(matched.path)) {
                return r.path();
            }
        }
        return ctx.statusCode() == 404 ? "unmatched" : "static";
    }
}
