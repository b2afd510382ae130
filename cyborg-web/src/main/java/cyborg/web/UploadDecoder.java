package cyborg.web;

import cyborg.image.ImageDecodeException;
import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Decodes uploads with the one decoder of every command ({@link ImageFiles}), so an upload
 * becomes exactly the pixels {@code cyborg score} reads from the same file. Errors name the
 * upload, never a server path.
 */
final class UploadDecoder {
    private final long maxPixels;

    UploadDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    RgbImage decode(Upload upload) {
        try {
            return ImageFiles.decode(upload.bytes(), label(upload.name()), maxPixels).rgb();
        } catch (ImageDecodeException e) {
            ErrorKind kind = e.reason() == ImageDecodeException.Reason.TOO_LARGE ? ErrorKind.TOO_LARGE
                    : ErrorKind.BAD_IMAGE;
            String message = e.getMessage().replace("remove it from the data set", "send another image")
                    .replace(cyborg.image.PixelLimit.ENV + "=PIXELS", "a larger --max-pixels");
            throw new ApiError(kind, message, upload.name());
        }
    }

    /** The name errors show; only a label, nothing is read from it. */
    private static Path label(String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            return Path.of("upload");
        }
    }
}
