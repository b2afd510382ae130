package cyborg.web;

import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.Assigner;
import cyborg.web.annotate.ImageCatalog;
import cyborg.web.annotate.Study;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Random;

/**
 * {@code cyborg annotate}: the page at / (class path folder {@value #PAGE_FOLDER}) and the JSON API
 * that hands out images and saves human saliency to the {@link AnnotationStore}. Closing it waits
 * for saves in flight (their answers say "saved" only after the commit), then stops. The store
 * stays open: its owner closes it.
 */
public final class AnnotateServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnnotateServer.class);
    static final String PAGE_FOLDER = "/cyborg/web/annotate";
    static final String API = "/api/v1/annotate";
    static final String NEXT = API + "/next";
    static final String IMAGE = API + "/image/{id}";
    static final String PROGRESS = API + "/progress";
    static final String OVERVIEW = API + "/overview";
    static final String STUDY = API + "/study";
    static final String SKIP = API + "/skip";
    static final String PRACTICE_MAP = API + "/practice/{task}/map/{image}";
    static final String ANNOTATIONS = "/api/v1/annotations";
    static final String REVIEW = API + "/review";
    static final String REVIEW_MASK = REVIEW + "/mask/{id}";
    private static final String DESCRIBED_BY = "the README's 'cyborg annotate' section";

    private final Javalin app;
    private final InFlight inFlight;
    private boolean closed;

    private AnnotateServer(Javalin app, InFlight inFlight) {
        this.app = app;
        this.inFlight = inFlight;
    }

    /** Starts listening. */
    public static AnnotateServer start(AnnotateConfig config, AnnotationStore store, ImageCatalog catalog) {
        return start(config, store, catalog, Study.NONE);
    }

    /** Starts listening, running a study: instructions, practice, gold pairs, overlap. */
    public static AnnotateServer start(AnnotateConfig config, AnnotationStore store, ImageCatalog catalog,
            Study study) {
        InFlight inFlight = new InFlight();
        Assigner assigner = new Assigner(store, catalog, config.mode(), config.perImage(), new Random(), study);
        AnnotateApi api = new AnnotateApi(store, catalog, assigner, new Annotators(store, config.requireTokens()),
                new Reviewers(store), inFlight);
        ReviewApi review = new ReviewApi(store, catalog, new Reviewers(store), inFlight);
        TokenGuard guard = config.token() == null ? null : new TokenGuard(config.token());
        Javalin app = Javalin.create(cfg -> configure(cfg, config, api, review, guard, inFlight));
        Listen.start(app, config.host(), config.port());
        LOG.info("annotating {} image(s), {} mode, {} annotator(s) per image, at http://{}:{}/", catalog.all().size(),
                config.mode().key(), config.perImage(), config.host(), app.port());
        return new AnnotateServer(app, inFlight);
    }

    private static void configure(JavalinConfig cfg, AnnotateConfig config, AnnotateApi api, ReviewApi review,
            TokenGuard guard, InFlight inFlight) {
        BodyLimit limit = new BodyLimit(config.maxBodyBytes(), "save one annotation per request, its mask a PNG"
                + " of the image's size (what the annotation page sends)");
        WebBase.configure(cfg, PAGE_FOLDER, limit, kind -> { }, inFlight, true);
        RoutesConfig routes = cfg.routes;
        routes.before("/api/*", new OriginGuard(config.host(), config.allowedHosts())); // first: before any token
        if (guard != null) {
            routes.before("/api/*", guard);
        }
        routes.post(NEXT, api::next); // it changes state (creates the annotator, reserves images): never a GET
        routes.get(IMAGE, api::image);
        routes.post(ANNOTATIONS, api::save);
        routes.get(PROGRESS, api::progress);
        routes.get(OVERVIEW, api::overview);
        routes.get(REVIEW, review::list);
        routes.post(REVIEW, review::record);
        routes.get(REVIEW_MASK, review::mask);
        routes.get(STUDY, api::study);
        routes.post(SKIP, api::skip); // it changes state: never a GET
        routes.get(PRACTICE_MAP, api::practiceMap);
        new ErrorResponses(kind -> { }, DESCRIBED_BY, limit).install(routes);
    }

    public int port() {
        return app.port();
    }

    /** Refuses new saves, answers those in flight, stops listening. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        WebBase.drainAndStop(app, inFlight, LOG);
        LOG.info("stopped");
    }
}
