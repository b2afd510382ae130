package cyborg.web;

import cyborg.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Keeps uploads on disk when asked to ({@code --keep-uploads DIR}), under generated names
 * ({@code <uuid>.upload}) so no client-chosen name ever becomes a path.
 */
final class UploadKeeper {
    private final Path dir;

    /** @param dir where to keep uploads; null: nowhere */
    UploadKeeper(Path dir) throws IOException {
        this.dir = dir;
        if (dir != null) {
            Files.createDirectories(dir);
        }
    }

    /** Writes the upload if keeping is on. */
    void keep(Upload upload) throws IOException {
        if (dir != null) {
            AtomicFiles.write(dir.resolve(UUID.randomUUID() + ".upload"), out -> out.write(upload.bytes()));
        }
    }
}
