package cyborg.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An image file could not be turned into pixels: it is missing, in a format no installed
 * decoder reads, or truncated/corrupt. The message names the file, the reason and what to do,
 * so that a data-set problem can be fixed from the log line alone.
 */
public class ImageDecodeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why decoding failed, so callers can e.g. skip corrupt files but stop on missing ones. */
    public enum Reason {
        /** The file does not exist or cannot be read. */
        NOT_READABLE,
        /** No decoder recognises the content, or its colour model has no PIL-equal conversion. */
        UNSUPPORTED_FORMAT,
        /** The decoder failed or warned, or the file structure is incomplete. */
        CORRUPT,
        /** Over the decoded-size limit ({@link PixelLimit}), or decoding ran out of memory. */
        TOO_LARGE
    }

    private final transient Path file;
    private final Reason reason;

    public ImageDecodeException(Path file, Reason reason, String detail, String advice, Throwable cause) {
        super(file + ": " + detail + ". " + advice, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file that failed. */
    public Path file() {
        return file;
    }

    /** The category of the failure. */
    public Reason reason() {
        return reason;
    }
}
