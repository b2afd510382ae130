package cyborg.spark.score;

import cyborg.data.BadInputReason;
import cyborg.image.ImageDecodeException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/** The reasons of the errors table: why an image was not scored. */
public final class ErrorReason {
    /** The file does not exist (or is a folder). */
    public static final String MISSING_FILE = name(BadInputReason.MISSING_FILE);
    /** Unreadable, truncated or unsupported image. */
    public static final String BAD_IMAGE = name(BadInputReason.BAD_IMAGE);
    /** Over the decoded-size limit ({@code CYBORG_MAX_IMAGE_PIXELS}). */
    public static final String IMAGE_TOO_LARGE = name(BadInputReason.IMAGE_TOO_LARGE);
    /** The file system failed to read it (permissions, network). */
    public static final String READ_ERROR = "read_error";
    /** The model gave a NaN or infinite score (its normalisation or weights, not the image). */
    public static final String SCORE_NOT_FINITE = "score_not_finite";

    private ErrorReason() {}

    static String name(BadInputReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    /** The reason of a failure to read a file's bytes. */
    static String ofRead(IOException e) {
        return e instanceof NoSuchFileException || e instanceof FileNotFoundException ? MISSING_FILE : READ_ERROR;
    }

    /** The reason of a failure to decode an image's bytes. */
    static String ofDecode(ImageDecodeException e) {
        return e.reason() == ImageDecodeException.Reason.TOO_LARGE ? IMAGE_TOO_LARGE : BAD_IMAGE;
    }
}
