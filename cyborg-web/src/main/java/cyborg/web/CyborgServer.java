package cyborg.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * {@code cyborg serve}: an HTTP server that scores uploaded images with models loaded once at
 * start. Requests from concurrent clients share forward passes ({@link BatchWorker}). Closing it
 * refuses new scoring requests, answers those in flight, then stops.
 */
public final class CyborgServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CyborgServer.class);
    private final Javalin app;
    private final ModelRegistry models;
    private final InFlight inFlight;
    private final List<Routes.Route> routes;
    private boolean closed;

    private CyborgServer(Javalin app, ModelRegistry models, InFlight inFlight, List<Routes.Route> routes) {
        this.app = app;
        this.models = models;
        this.inFlight = inFlight;
        this.routes = routes;
    }

    /** Loads the models, then starts listening; fails (freeing what it loaded) if either fails. */
    public static CyborgServer start(ServeConfig config) throws IOException {
        Listen.requireFree(config.host(), config.port()); // before the models, which take a while to load
        ServeMetrics metrics = new ServeMetrics();
        ModelRegistry models = ModelRegistry.load(config, metrics);
        try {
            metrics.queueDepth(models::queued);
            InFlight inFlight = new InFlight();
            BodyLimit limit = bodyLimit(config);
            List<Routes.Route> table = Routes.table(
                    new ScoreHandler(models, new UploadReader(limit),
                            new UploadDecoder(config.maxPixels()), new UploadKeeper(config.keepUploads()), inFlight),
                    new ModelsHandler(models), new OpenApiHandler(), new HealthHandler(models),
                    new MetricsHandler(metrics));
            TokenGuard guard = config.token() == null ? null : new TokenGuard(config.token());
            Javalin app = Javalin.create(cfg -> configure(cfg, config, table, guard, metrics, inFlight));
            Listen.start(app, config.host(), config.port());
            LOG.info("serving {} model(s) [{}] at http://{}:{}/", models.all().size(), models.names(),
                    config.host(), app.port());
            return new CyborgServer(app, models, inFlight, table);
        } catch (IOException | RuntimeException e) {
            models.close();
            throw e;
        }
    }

    private static void configure(JavalinConfig cfg, ServeConfig config, List<Routes.Route> table, TokenGuard guard,
            ServeMetrics metrics, InFlight inFlight) {
        BodyLimit limit = bodyLimit(config);
        WebBase.configure(cfg, Routes.STATIC_FOLDER, limit, metrics::error, inFlight);
        Routes.install(cfg.routes, table, guard, metrics);
        new ErrorResponses(metrics::error, ErrorResponses.OPENAPI, limit).install(cfg.routes);
    }

    private static BodyLimit bodyLimit(ServeConfig config) {
        return new BodyLimit(config.maxUploadBytes(),
                "send smaller or fewer images per request, or start the server with a larger --max-upload-mb");
    }

    /** The port it listens on (the free port picked when the config said 0). */
    public int port() {
        return app.port();
    }

    /** Images waiting for a forward pass, over all models. */
    int queued() {
        return models.queued();
    }

    /** Whether close() has begun refusing new scoring requests. */
    boolean draining() {
        return inFlight.closing();
    }

    /** The routes it serves. */
    List<Routes.Route> routes() {
        return routes;
    }

    /** Refuses new scoring requests, answers those in flight, stops listening and frees the models. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        WebBase.drainAndStop(app, inFlight, LOG);
        models.close();
        LOG.info("stopped");
    }
}
