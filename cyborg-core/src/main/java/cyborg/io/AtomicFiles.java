package cyborg.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files atomically: the content goes to a temporary file in the same folder, which then
 * replaces the target in one rename, so a reader or a crash never sees half a file.
 */
public final class AtomicFiles {
    /** Characters of the target's name kept in the temporary file's ("." + name + ".<16 hex>.tmp"). */
    private static final int TMP_NAME_ROOM = 50;

    private AtomicFiles() {}

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} through {@code writer}, atomically. A file-system fault (a full disk, a
     * folder where the file should go, a file where a folder should) is reported naming
     * {@code target} as given ({@link IoFaults}).
     */
    public static void write(Path target, Writer writer) throws IOException {
        try {
            replace(target, writer);
        } catch (IOException e) {
            throw IoFaults.at(target, e);
        }
    }

    private static void replace(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            // Checked first so that a large file is not written only for its rename to fail.
            throw new FileSystemException(absolute.toString(), null, "Is a directory");
        }
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its owner-only permissions would stick to the written file.
        Path tmp = dir.resolve("." + shortened(absolute.getFileName().toString()) + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW), 1 << 16)) {
                writer.write(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The target's name cut to leave room for the temporary file's prefix and suffix within the
     * usual 255-byte limit on names, so that any name that can be written can be written atomically.
     */
    static String shortened(String name) {
        return name.length() <= TMP_NAME_ROOM ? name : name.substring(0, TMP_NAME_ROOM);
    }

    /** Writes {@code text} as UTF-8, atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
