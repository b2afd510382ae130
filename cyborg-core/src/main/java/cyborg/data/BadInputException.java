package cyborg.data;

import java.io.IOException;

/**
 * An input that cannot be used, with the file (and CSV line) it comes from, the reason, and
 * what the user can do about it.
 */
public final class BadInputException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Origin origin;
    private final BadInputReason reason;

    public BadInputException(Origin origin, BadInputReason reason, String detail) {
        super(origin + ": " + detail + " (" + reason.description()
                + "; fix or remove it, or pass --skip-bad to skip such rows and count them)");
        this.origin = origin;
        this.reason = reason;
    }

    public Origin origin() {
        return origin;
    }

    public BadInputReason reason() {
        return reason;
    }
}
