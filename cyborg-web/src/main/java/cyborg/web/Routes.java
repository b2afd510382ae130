package cyborg.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

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
    static final String STATIC_FOLDER = "/cyborg/web/static";
    /** What the token guards (the page, its assets and /healthz stay open). */
    static final List<String> GUARDED = List.of("/api/*", METRICS);

    /** One route: method, path, handler. */
    record Route(HandlerType method, String path, Handler handler) {
    }

    private Routes() {
    }

    /** The route table. */
    static List<Route> table(ScoreHandler score, ModelsHandler models, OpenApiHandler openApi, HealthHandler health,
            MetricsHandler metrics) {
        return List.of(
                new Route(HandlerType.POST, SCORE, score),
                new Route(HandlerType.GET, MODELS, models),
                new Route(HandlerType.GET, OPENAPI, openApi),
                new Route(HandlerType.GET, HEALTH, health),
                new Route(HandlerType.GET, METRICS, metrics));
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

    /** The route a request is counted under: its API path, else "static" or "unmatched" (bounded label values). */
    private static String label(Context ctx, List<Route> table) {
        String path = ctx.path();
        for (Route r : table) {
            if (r.path().equals(path)) {
                return r.path();
            }
        }
        return ctx.statusCode() == 404 ? "unmatched" : "static";
    }
}
