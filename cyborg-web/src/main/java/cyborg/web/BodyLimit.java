package cyborg.web;

import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.HttpException;

import java.util.Locale;

/**
 * A server's request body limit and the one 413 answer for a body over it. Jetty's
 * {@code SizeLimitHandler} (installed by {@link WebBase}) enforces it on the bytes actually read:
 * a chunked body has no Content-Length to refuse it by, and a body read past the limit fails its
 * reader with a 413 {@link HttpException}, which {@link #exceeded} recognises wherever it surfaces
 * (multipart parsing, a JSON body).
 *
 * @param bytes the most a request body may hold
 * @param advice what a client can do instead, ending the error message
 */
record BodyLimit(long bytes, String advice) {
    BodyLimit {
        if (bytes < 1) {
            throw new IllegalArgumentException("the request body limit must be at least 1 byte, got " + bytes);
        }
    }

    /** The 413 error: {@code what} (e.g. "the request is 30.0 MB") is over the limit. */
    ApiError tooLarge(String what, String file) {
        return new ApiError(ErrorKind.TOO_LARGE, what + ", over the limit of " + megabytes(bytes) + " per request; "
                + advice, file);
    }

    /** The 413 error for a body whose size is unknown (chunked) or only known to be too large. */
    ApiError tooLarge() {
        return tooLarge("the request body is too large", null);
    }

    /** The 413 error for a body refused by its Content-Length, {@code declared} bytes (negative when not sent). */
    ApiError tooLarge(long declared) {
        return declared < 0 ? tooLarge() : tooLarge("the request is " + megabytes(declared), null);
    }

    /** Whether {@code failure} (or one of its causes) is a read stopped by a body limit: 413 from Jetty or Javalin. */
    static boolean exceeded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if ((t instanceof HttpException h && h.getCode() == 413)
                    || (t instanceof HttpResponseException r && r.getStatus() == 413)) {
                return true;
            }
        }
        return false;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
