package cyborg.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * {@code cyborg serve}: an HTTP server that scores uploaded images with models loaded once at
 * start. It listens while the models load, live but not ready ({@code /v2/health/ready},
 * {@code /healthz}), so a platform can tell a slow start from a dead server. Requests from
 * concurrent clients share forward passes ({@link BatchWorker}). Closing it refuses new scoring
 * requests, answers those in flight, then stops.
 */
public final class CyborgServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CyborgServer.class);
    private final Javalin app;
    private final ModelRegistry models;
    private final InFlight inFlight;
    private final List<Routes.Route> routes;
    private final Thread loader;
    private volatile Throwable loadFailure;
    private boolean closed;

    private CyborgServer(Javalin app, ModelRegistry models, InFlight inFlight, List<Routes.Route> routes,
            ServeConfig config, ServeMetrics metrics) {
        this.app = app;
        this.models = models;
        this.inFlight = inFlight;
        this.routes = routes;
        this.loader = new Thread(() -> {
            try {
                models.load(config, metrics);
                if (models.state() == ModelRegistry.State.READY) {
                    LOG.info("serving {} model(s) [{}] at http://{}:{}/", models.all().size(), models.names(),
                            config.host(), app.port());
                }
            } catch (IOException | RuntimeException | Error e) {
                loadFailure = e;
            }
        }, "cyborg-model-loader");
    }

    /** Starts listening, loads the models, and returns once they are loaded; fails (stopping) if either fails. */
    public static CyborgServer start(ServeConfig config) throws IOException {
        CyborgServer server = open(config);
        try {
            server.awaitReady();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Starts listening and begins loading the models on a thread of their own; returns at once. Until
     * they are loaded the server is live but not ready: {@link #awaitReady()} waits for them.
     */
    public static CyborgServer open(ServeConfig config) throws IOException {
        Listen.requireFree(config.host(), config.port());
        ModelRegistry models = new ModelRegistry(config); // names checked before anything listens or loads
        ServeMetrics metrics = new ServeMetrics();
        metrics.queueDepth(models::queued);
        InFlight inFlight = new InFlight();
        Readiness readiness = new Readiness(models, inFlight);
        BodyLimit limit = bodyLimit(config);
        UploadDecoder decoder = new UploadDecoder(config.maxPixels());
        UploadKeeper keeper = new UploadKeeper(config.keepUploads());
        List<Routes.Route> table = Routes.table(new Routes.Handlers(
                new ScoreHandler(models, new UploadReader(limit), decoder, keeper, inFlight),
                new ModelsHandler(models), new OpenApiHandler(), new HealthHandler(readiness),
                new MetricsHandler(metrics), new V2ServerHandler(), V2HealthHandler.live(readiness),
                V2HealthHandler.ready(readiness), new V2ModelHandler(models, readiness),
                new V2InferHandler(models, readiness, decoder, keeper, inFlight, config.queueCapacity())));
        TokenGuard guard = config.token() == null ? null : new TokenGuard(config.token());
        Javalin app = Javalin.create(cfg -> configure(cfg, config, table, guard, metrics, inFlight));
        Listen.start(app, config.host(), config.port());
        LOG.info("listening at http://{}:{}/, loading {} model(s)", config.host(), app.port(), models.expected());
        CyborgServer server = new CyborgServer(app, models, inFlight, table, config, metrics);
        server.loader.start();
        return server;
    }

    /** Waits until the models are loaded; throws what stopped one from loading. */
    public void awaitReady() throws IOException {
        try {
            loader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the models loaded", e);
        }
        Throwable failure = loadFailure;
        if (failure instanceof IOException io) {
            throw io;
        } else if (failure instanceof RuntimeException r) {
            throw r;
        } else if (failure instanceof Error err) {
            throw err;
        }
        if (models.state() != ModelRegistry.State.READY) {
            throw new IOException("the server was closed while its models loaded");
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

    /** The models it serves. */
    ModelRegistry models() {
        return models;
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
        models.close(); // a model still loading is freed when its load ends
        try {
            loader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("stopped");
    }
}
