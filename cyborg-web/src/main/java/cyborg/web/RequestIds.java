package cyborg.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id, sent back as {@value #HEADER} and written in its {@link AccessLog}
 * line, so a client's report and the server log name the same request. A client's own
 * {@value #HEADER} is kept when it is sane (1 to 64 letters, digits, {@code . _ : -}), so a proxy's
 * id follows the request through; anything else (too long, spaces, control characters that could
 * forge log lines) is replaced by a generated one. Runs as a Jetty customizer, before any handler,
 * so requests Jetty itself refuses get an id too.
 */
final class RequestIds implements HttpConfiguration.Customizer {
    static final String HEADER = "X-Request-Id";
    /** The request attribute holding the id. */
    static final String ATTRIBUTE = "cyborg.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        String id = idFor(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        responseHeaders.put(HEADER, id);
        return request;
    }

    /** The client's id if sane, else a new one. */
    static String idFor(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : generate();
    }

    /** 64 random bits in hex: ids only need to tell requests apart, not to be secret. */
    private static String generate() {
        return String.format("%016x", ThreadLocalRandom.current().nextLong());
    }

    /** The id of a request (null before {@link #customize} ran). */
    static String of(Request request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }
}
