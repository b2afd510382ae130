package cyborg.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An input that cannot be used, with the file (and CSV line) it comes from, the reason, and
 * what the user can do about it.
 */
public final class BadInputException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Origin origin;
    private final BadInputReason reason;

    /**
     * @param detail what is wrong; when it starts with the origin's file (a decoder's message about
     *     an image of a folder layout, whose origin is the image itself), that file is said once
     */
    public BadInputException(Origin origin, BadInputReason reason, String detail) {
        super(origin + ": " + (origin.line() == 0 ? withoutFile(origin.file(), detail) : detail) + " ("
                + reason.description() + "; fix or remove it, or pass --skip-bad to skip such rows and count them)");
        this.origin = origin;
        this.reason = reason;
    }

    /**
     * {@code message} without a leading "{@code file}: " (image decoders start their messages so),
     * for a message that names {@code file} already.
     */
    public static String withoutFile(Path file, String message) {
        String prefix = file + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    public Origin origin() {
        return origin;
    }

    public BadInputReason reason() {
        return reason;
    }
}
