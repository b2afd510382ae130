package cyborg.web;

/** Every way a request fails, with its HTTP status and the label it is counted under in /metrics. */
enum ErrorKind {
    MISSING_IMAGE(400, "missing_image"),
    BAD_IMAGE(400, "bad_image"),
    BAD_REQUEST(400, "bad_request"),
    UNAUTHORIZED(401, "unauthorized"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not_found"),
    UNKNOWN_MODEL(404, "unknown_model"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed"),
    CONFLICT(409, "conflict"),
    TOO_LARGE(413, "too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    QUEUE_FULL(503, "queue_full"),
    SHUTTING_DOWN(503, "shutting_down"),
    /** The server listens but its models are still loading (or failed to). */
    NOT_READY(503, "not_ready"),
    /** The model's output is NaN or infinite: its normalisation or weights are broken, not the upload. */
    NOT_FINITE(500, "not_finite"),
    INTERNAL(500, "internal");

    final int status;
    final String label;

    ErrorKind(int status, String label) {
        this.status = status;
        this.label = label;
    }
}
