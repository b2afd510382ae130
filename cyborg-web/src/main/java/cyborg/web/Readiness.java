package cyborg.web;

/**
 * Whether the server can score, in one place for {@code /healthz} and the Open Inference
 * Protocol's health routes: ready once every model is loaded and its worker running, and no
 * longer once shutdown begins (so a load balancer stops sending requests while those in flight
 * are answered).
 */
final class Readiness {
    static final String OK = "ok";

    private final ModelRegistry models;
    private final InFlight inFlight;

    Readiness(ModelRegistry models, InFlight inFlight) {
        this.models = models;
        this.inFlight = inFlight;
    }

    /**
     * Live: the server answers, and no model's worker died (then only a restart helps, which is what a
     * failed liveness probe asks of Kubernetes). Shutting down is live (requests in flight are answered).
     */
    boolean live() {
        return inFlight.closing() || !models.workerDied();
    }

    boolean ready() {
        return !inFlight.closing() && models.ready();
    }

    /** Whether one model is ready: loaded (while the others may still load), its worker running, not shutting down. */
    boolean ready(ServedModel model) {
        ModelRegistry.State state = models.state();
        return !inFlight.closing() && (state == ModelRegistry.State.READY || state == ModelRegistry.State.LOADING)
                && model.ready();
    }

    /** {@link #OK}, or why not: loading (with a count), failed, shutting down, or a stopped worker. */
    String status() {
        if (inFlight.closing()) {
            return "shutting down";
        }
        return switch (models.state()) {
            case LOADING -> "loading (" + models.all().size() + " of " + models.expected() + " models loaded)";
            case FAILED -> "failed: a model did not load (the server log says why)";
            case CLOSED -> "shutting down";
            case READY -> models.ready() ? OK : "a model's worker stopped (the server log says why)";
        };
    }
}
