package cyborg.data;

import cyborg.image.ImageDecodeException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Why an input row or file cannot be used; skips are counted by reason. */
public enum BadInputReason {
    MISSING_FILE("missing file"),
    BAD_IMAGE("unreadable, truncated or unsupported image"),
    IMAGE_TOO_LARGE("image too large to decode"),
    BAD_MAP("unreadable human map"),
    MAP_ASPECT("human map with a different aspect ratio than its image"),
    MAP_SIZE("pair of maps of different sizes, or smaller than SSIM's 7x7 window"),
    BAD_ROW("CSV row with the wrong number of columns"),
    UNKNOWN_CLASS("unknown class"),
    UNKNOWN_SPLIT("unknown split"),
    NOT_UTF8("line not UTF-8 text");

    private final String description;

    BadInputReason(String description) {
        this.description = description;
    }

    /** Why an image file could not be read: missing, too large, or else unreadable. */
    public static BadInputReason ofImage(Path file, IOException failure) {
        return !Files.exists(file) ? MISSING_FILE
                : failure instanceof ImageDecodeException e && e.reason() == ImageDecodeException.Reason.TOO_LARGE
                        ? IMAGE_TOO_LARGE : BAD_IMAGE;
    }

    /** A short phrase for reports. */
    public String description() {
        return description;
    }
}
