package cyborg.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the images of a multipart request (field {@value #FIELD}) into memory, within the byte limit. */
final class UploadReader {
    static final String FIELD = "image";

    private final long maxBytes;

    UploadReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    List<Upload> read(Context ctx) {
        // Checked before parsing, so an oversized body is refused before it is read.
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge("the request is " + megabytes(declared), null);
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            throw new ApiError(ErrorKind.MISSING_IMAGE, "send the images as multipart/form-data in the field '"
                    + FIELD + "' (e.g. curl -F image=@face.png ...); this request is " + (type.isEmpty() ? "not typed" : type));
        }
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles(FIELD);
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("size")
                    || (e.getCause() != null && String.valueOf(e.getCause().getMessage()).toLowerCase(Locale.ROOT).contains("size"))) {
                throw tooLarge("the request is", null);
            }
            throw new ApiError(ErrorKind.BAD_REQUEST, "the multipart body could not be read: " + e.getMessage()
                    + "; send the images as multipart/form-data in the field '" + FIELD + "'");
        }
        if (files.isEmpty()) {
            throw new ApiError(ErrorKind.MISSING_IMAGE, "no file in the field '" + FIELD
                    + "'; send one or more images as multipart/form-data, e.g. curl -F image=@face.png ...");
        }
        List<Upload> uploads = new ArrayList<>(files.size());
        for (UploadedFile f : files) {
            String name = UploadNames.baseName(f.filename(), "image-" + (uploads.size() + 1));
            if (f.size() > maxBytes) {
                throw tooLarge(name + " is " + megabytes(f.size()), name);
            }
            try (InputStream in = f.content()) {
                uploads.add(new Upload(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new ApiError(ErrorKind.BAD_REQUEST, name + ": the upload could not be read (" + e.getMessage()
                        + "); send it again", name);
            }
        }
        return uploads;
    }

    private ApiError tooLarge(String what, String file) {
        return new ApiError(ErrorKind.TOO_LARGE, what + ", over the upload limit of " + megabytes(maxBytes)
                + "; send smaller or fewer images per request, or start the server with a larger --max-upload-mb", file);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
