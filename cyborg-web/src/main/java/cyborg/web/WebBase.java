package cyborg.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.slf4j.Logger;

import java.util.function.Consumer;

/**
 * What {@code cyborg serve} and {@code cyborg annotate} share: Javalin's settings, JSON errors
 * (Jetty's own too), the request body limit on the bytes read ({@link BodyLimit}), a request id and
 * an access log line per request ({@link RequestIds}, {@link AccessLog}), a page from a class path
 * folder at {@code /}, and a graceful stop that answers the requests {@link InFlight} admitted
 * before stopping.
 */
final class WebBase {
    /** How long a stop waits for requests in flight. */
    static final long DRAIN_MILLIS = 30_000;

    private WebBase() {
    }

    /**
     * Applies the shared settings: request bodies up to {@code limit} (multipart parts stay in
     * memory), 405 for a known path with another method, Jetty's errors as JSON (a refused body
     * told to {@code counted}), and the static files of class path folder {@code staticFolder} at
     * {@code /}.
     */
    static void configure(JavalinConfig cfg, String staticFolder, BodyLimit limit, Consumer<ErrorKind> counted,
            InFlight inFlight) {
        configure(cfg, staticFolder, limit, counted, inFlight, false);
    }

    /**
     * As above; with {@code pageAssetsOnly}, only page assets (html, js, css, images, fonts) are
     * served from the folder: a folder that is also a Java package holds class files, which no
     * client should be handed.
     */
    static void configure(JavalinConfig cfg, String staticFolder, BodyLimit limit, Consumer<ErrorKind> counted,
            InFlight inFlight, boolean pageAssetsOnly) {
        long maxBodyBytes = limit.bytes();
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        // Javalin calls the request logger after writing: the end of an admitted request's count
        cfg.requestLogger.http((ctx, millis) -> inFlight.written(ctx));
        cfg.jetty.multipartConfig.maxFileSize(maxBodyBytes, SizeUnit.BYTES);
        cfg.jetty.multipartConfig.maxTotalRequestSize(maxBodyBytes, SizeUnit.BYTES);
        // uploads stay in memory: nothing a client sends is written to disk unless asked
        cfg.jetty.multipartConfig.maxInMemoryFileSize((int) maxBodyBytes, SizeUnit.BYTES);
        cfg.http.prefer405over404 = true;
        // Javalin's own cap on a body read whole (ctx.bodyAsBytes(): JSON bodies), 1 MB by default, would refuse
        // bodies under the server's limit with a 413 naming that limit: one limit, the server's
        cfg.http.maxRequestSize = maxBodyBytes;
        // Counted on the bytes read, before the servlet: a chunked body has no Content-Length to check
        // first, and reading past the limit fails with a 413 that BodyLimit recognises.
        cfg.jetty.modifyServletContextHandler(context -> {
            context.insertHandler(new SizeLimitHandler(maxBodyBytes, -1));
            // inserted last, so it runs first: a body a little over the limit is read before its 413
            context.insertHandler(new OversizedBodies(limit, counted));
        });
        cfg.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new RequestIds()));
        cfg.jetty.modifyServer(server -> {
            server.setErrorHandler(new JettyErrors(limit, counted));
            server.setRequestLog(new AccessLog());
            // Jetty finishes writing answers (to connections it no longer reads from) before it stops
            server.setStopTimeout(DRAIN_MILLIS);
        });
        cfg.staticFiles.add(s -> {
            s.hostedPath = "/";
            s.directory = staticFolder;
            s.location = Location.CLASSPATH;
            if (pageAssetsOnly) {
                s.skipFileFunction = request -> !isPageAsset(request.getRequestURI());
            }
        });
    }

    private static final java.util.regex.Pattern PAGE_ASSET =
            java.util.regex.Pattern.compile(".*/([^/]+\\.(html|js|mjs|css|png|svg|ico|woff2?|json))?");

    /** Whether a request path names the page ({@code /}, a folder) or one of its assets by extension. */
    static boolean isPageAsset(String path) {
        return path != null && PAGE_ASSET.matcher(path).matches();
    }

    /** Refuses new admitted requests, waits for those in flight (up to {@link #DRAIN_MILLIS}), then stops. */
    static void drainAndStop(Javalin app, InFlight inFlight, Logger log) {
        try {
            if (!inFlight.drain(DRAIN_MILLIS)) {
                log.warn("stopping with requests still running after {} s", DRAIN_MILLIS / 1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
    }
}
