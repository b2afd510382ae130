package cyborg.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Turns every failure into a JSON {@code {"error": ..., "file": ...}} body: no stack trace or HTML
 * page ever reaches a client. Unexpected exceptions are logged here with their stack trace.
 */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    /** How serve's API describes itself, for messages that point there. */
    static final String OPENAPI = "GET /api/v1/openapi.json";

    private final Consumer<ErrorKind> counted;
    private final String describedBy;
    private final BodyLimit limit;

    /**
     * @param counted told the kind of every failure (metrics)
     * @param describedBy where the API is described, for 404 and 405 answers
     * @param limit the request body limit, for 413 answers
     */
    ErrorResponses(Consumer<ErrorKind> counted, String describedBy, BodyLimit limit) {
        this.counted = counted;
        this.describedBy = describedBy;
        this.limit = limit;
    }

    void install(RoutesConfig routes) {
        routes.exception(ApiError.class, (e, ctx) -> send(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, fromStatus(e.getStatus())));
        routes.exception(Exception.class, (e, ctx) -> {
            if (BodyLimit.exceeded(e)) { // a body read past the limit, wherever it was read: expected, no trace
                send(ctx, limit.tooLarge());
                return;
            }
            LOG.error("{} {} failed (request {})", ctx.method(), ctx.path(), ctx.res().getHeader(RequestIds.HEADER), e);
            send(ctx, new ApiError(ErrorKind.INTERNAL, "internal error; the server log has the details"));
        });
        // Statuses set without an exception (e.g. by the router or the static files) still get a JSON body.
        for (int status : new int[] {404, 405, 413, 500}) {
            routes.error(status, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    send(ctx, fromStatus(status));
                }
            });
        }
    }

    private void send(Context ctx, ApiError e) {
        counted.accept(e.kind);
        if (e.kind.status == 503) {
            ctx.header("Retry-After", "1");
        }
        Json.send(ctx, e.kind.status, new Json.ErrorBody(e.getMessage(), e.file));
    }

    private ApiError fromStatus(int status) {
        return switch (status) {
            case 404 -> new ApiError(ErrorKind.NOT_FOUND, "no such page or endpoint; the API is under /api/v1, the Open Inference Protocol under /v2"
                    + " (" + describedBy + " describes it)");
            case 405 -> new ApiError(ErrorKind.METHOD_NOT_ALLOWED, "this endpoint does not take that method;"
                    + " " + describedBy + " describes the API");
            case 413 -> limit.tooLarge();
            case 401 -> new ApiError(ErrorKind.UNAUTHORIZED, "send the header 'Authorization: Bearer TOKEN'");
            case 403 -> new ApiError(ErrorKind.FORBIDDEN, "not allowed");
            case 400 -> new ApiError(ErrorKind.BAD_REQUEST, "bad request");
            default -> new ApiError(ErrorKind.INTERNAL, "internal error; the server log has the details");
        };
    }
}
