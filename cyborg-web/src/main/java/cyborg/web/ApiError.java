package cyborg.web;

/** A request that fails with a JSON error body: what went wrong, what to do, and which upload (if one). */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final ErrorKind kind;
    /** The upload's base name, or null. */
    final String file;

    ApiError(ErrorKind kind, String message) {
        this(kind, message, null);
    }

    ApiError(ErrorKind kind, String message, String file) {
        super(message, null, false, false); // no stack trace: these are expected outcomes
        this.kind = kind;
        this.file = file;
    }
}
