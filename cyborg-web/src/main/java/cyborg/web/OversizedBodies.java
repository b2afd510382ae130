package cyborg.web;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.function.Consumer;

/**
 * Refuses a request whose Content-Length is over the body limit so that the client reads the 413,
 * not a reset connection. Refused straight from its headers (Jetty's {@code SizeLimitHandler}), the
 * body is left unread and the connection closed with it still arriving; the kernel then answers
 * with a reset, which can drop the 413 before the client reads it (measured: 30 of 400 refused
 * uploads on one machine, 2026-12-07). So a body up to {@link #swallowBytes} is read and discarded
 * first, as Tomcat's {@code maxSwallowSize} does, and the 413 then goes over a connection that stays
 * usable; a larger one is left to {@code SizeLimitHandler} and {@link JettyErrors}, which close it
 * (RFC 9110 allows that).
 */
final class OversizedBodies extends Handler.Wrapper {
    /** How far beyond the limit a refused body is read at least (the limit itself, when larger). */
    static final long MIN_SWALLOW_BYTES = 2L * 1024 * 1024;

    private final BodyLimit limit;
    private final Consumer<ErrorKind> counted;
    private final long swallowBytes;

    OversizedBodies(BodyLimit limit, Consumer<ErrorKind> counted) {
        this.limit = limit;
        this.counted = counted;
        // a body up to twice the limit (a file a little too big) always gets its answer
        this.swallowBytes = Math.max(MIN_SWALLOW_BYTES, limit.bytes());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        if (declared <= limit.bytes() || declared - limit.bytes() > swallowBytes) {
            return super.handle(request, response, callback);
        }
        counted.accept(ErrorKind.TOO_LARGE);
        ApiError error = limit.tooLarge(declared);
        Content.Source.consumeAll(request, Callback.from(
                () -> JettyErrors.send(response, error.kind.status, error.getMessage(), callback), callback::failed));
        return true;
    }
}
