package cyborg.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Locale;

/**
 * One line per request, after its answer is written: when it arrived (UTC), method, path, status,
 * bytes sent, milliseconds taken and request id ({@link RequestIds}). Only the path is written, never the query (annotate takes a
 * token there) nor any header (the Authorization token). Logged as {@value #LOGGER} at INFO.
 */
final class AccessLog implements RequestLog {
    static final String LOGGER = "cyborg.web.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    /** Longer paths are cut: a client cannot fill the log with one request line. */
    private static final int MAX_PATH = 200;

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath(); // no query
        LOG.info(line(Instant.ofEpochMilli(Request.getTimeStamp(request)), request.getMethod(), path,
                response.getStatus(), Response.getContentBytesWritten(response),
                (System.nanoTime() - request.getBeginNanoTime()) / 1_000_000, RequestIds.of(request)));
    }

    static String line(Instant arrived, String method, String path, int status, long bytes, long millis, String id) {
        String p = path == null || path.isEmpty() ? "/" : path;
        if (p.length() > MAX_PATH) {
            p = p.substring(0, MAX_PATH) + "...";
        }
        return String.format(Locale.ROOT, "%s %s %s %d %d B %d ms id=%s", arrived, method, p, status, bytes, millis,
                id == null ? "-" : id);
    }
}
