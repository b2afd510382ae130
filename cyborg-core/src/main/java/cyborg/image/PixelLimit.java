package cyborg.image;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The largest image, in pixels, that is decoded. Checked from the file's header before any
 * pixel is allocated, so that a huge (or maliciously declared) image fails with a message naming
 * it, and counts as a skip under {@code --skip-bad}, instead of exhausting the heap.
 *
 * <p>The default, 100 megapixels (300 MB decoded), is far above any face image; set the
 * environment variable {@value #ENV} or the system property {@value #PROPERTY} to change it.
 * It can never exceed what one Java array holds as RGB bytes.
 */
public final class PixelLimit {
    /** System property overriding the limit (pixels). */
    public static final String PROPERTY = "cyborg.maxImagePixels";
    /** Environment variable overriding the limit (pixels); the property wins. */
    public static final String ENV = "CYBORG_MAX_IMAGE_PIXELS";
    public static final long DEFAULT = 100_000_000L;
    /** An RGB image lives in one byte array of width*height*3. */
    static final long CEILING = (Integer.MAX_VALUE - 8) / 3;

    private PixelLimit() {
    }

    /** The limit in force, in pixels. */
    public static long current() {
        String value = System.getProperty(PROPERTY);
        String source = "-D" + PROPERTY;
        if (value == null) {
            value = System.getenv(ENV);
            source = ENV;
        }
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            long limit = Long.parseLong(value.trim().replace("_", ""));
            if (limit <= 0) {
                throw new NumberFormatException();
            }
            return Math.min(limit, CEILING);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + "=" + value
                    + " is not a positive number of pixels; set it to e.g. " + DEFAULT + " or unset it");
        }
    }

    /** Refuses {@code size} if it is over the limit. */
    static void check(Path file, ImageSize size) throws ImageDecodeException {
        check(file, size, current());
    }

    /** Refuses {@code size} if it has more than {@code limit} pixels. */
    static void check(Path file, ImageSize size, long limit) throws ImageDecodeException {
        long pixels = (long) size.width() * size.height();
        if (pixels > limit) {
            throw new ImageDecodeException(file, ImageDecodeException.Reason.TOO_LARGE,
                    "the image is " + size + " (" + megapixels(pixels) + " megapixels), over the decoded-size limit of "
                            + megapixels(limit) + " megapixels",
                    "Downscale it or remove it from the data set, or raise the limit with " + ENV + "=PIXELS", null);
        }
    }

    static String megapixels(long pixels) {
        return String.format(Locale.ROOT, "%.1f", pixels / 1e6);
    }
}
