package cyborg.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the images of a multipart request (field {@value #FIELD}) into memory. The body limit is
 * enforced by Jetty on the bytes read ({@link BodyLimit}), before and while this parses.
 */
final class UploadReader {
    static final String FIELD = "image";

    private final BodyLimit limit;

    UploadReader(BodyLimit limit) {
        this.limit = limit;
    }

    List<Upload> read(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            throw new ApiError(ErrorKind.MISSING_IMAGE, "send the images as multipart/form-data in the field '"
                    + FIELD + "' (e.g. curl -F image=@face.png ...); this request is " + (type.isEmpty() ? "not typed" : type));
        }
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles(FIELD);
        } catch (Exception e) { // Jetty's ServletException arrives undeclared (Javalin is Kotlin)
            if (BodyLimit.exceeded(e)) {
                throw limit.tooLarge();
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
            try (InputStream in = f.content()) {
                uploads.add(new Upload(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new ApiError(ErrorKind.BAD_REQUEST, name + ": the upload could not be read (" + e.getMessage()
                        + "); send it again", name);
            }
        }
        return uploads;
    }
}
