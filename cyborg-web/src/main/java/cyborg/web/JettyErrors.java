package cyborg.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Jetty's own errors, for requests it refuses before any route sees them, as JSON instead of its
 * HTML page. A path that climbs above the root ({@code /../etc/passwd}, {@code /%2e%2e/...})
 * names nothing this server has, so it is answered 404 like any unknown path.
 */
final class JettyErrors extends ErrorHandler {
    private final BodyLimit limit;
    private final Consumer<ErrorKind> counted;

    /** @param counted told the kind of a refused body (metrics), as a route's refusal would be */
    JettyErrors(BodyLimit limit, Consumer<ErrorKind> counted) {
        this.limit = limit;
        this.counted = counted;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        int status = code == 400 && climbsAboveRoot(request) ? 404 : code;
        String error = switch (status) {
            case 404 -> "no such page or endpoint; the API is under /api/v1";
            // a body refused by its Content-Length, before any route: the answer a route gives
            case 413 -> limit.tooLarge(request.getLength()).getMessage();
            default -> "the request was refused (" + status + (message == null ? "" : " " + message)
                    + "); check its path and headers";
        };
        if (status == ErrorKind.TOO_LARGE.status) {
            counted.accept(ErrorKind.TOO_LARGE);
        }
        send(response, status, error, callback);
    }

    /** Answers {@code status} with the JSON error body every route's error has, from Jetty's core API. */
    static void send(Response response, int status, String error, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        byte[] body = Json.GSON.toJson(new Json.ErrorBody(error, null)).getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static boolean climbsAboveRoot(Request request) {
        String raw = request.getHttpURI() == null ? "" : String.valueOf(request.getHttpURI().getPath());
        String decoded = raw.replace("%2e", ".").replace("%2E", ".");
        return decoded.contains("..") || "/badMessage".equals(raw);
    }
}
