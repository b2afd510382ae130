package cyborg.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one rule for writing a file the user named, by what stands at the path:
 * <ul>
 *   <li>nothing or a regular file: written atomically, to a temporary file in the same folder that
 *       then replaces the target in one rename, so a reader or a crash never sees half a file;</li>
 *   <li>a symbolic link: followed (through any chain of links), and the file it points to written
 *       atomically as above, so the link stays a link and its target gets the content;</li>
 *   <li>a named pipe (FIFO) or a character device: written through in order, since renaming over
 *       it would replace the pipe or device node with a regular file (and a reader, or the device,
 *       would get nothing); a write error such as a full device is reported naming the path;</li>
 *   <li>a folder, a block device or a socket: refused, naming the path.</li>
 * </ul>
 * Every fault is reported naming the target as given ({@link IoFaults}).
 */
public final class AtomicFiles {
    /** Characters of the target's name kept in the temporary file's ("." + name + ".<16 hex>.tmp"). */
    private static final int TMP_NAME_ROOM = 50;
    /** Links followed before giving up, as Linux's ELOOP limit (MAXSYMLINKS). */
    private static final int MAX_LINKS = 40;

    /** The file-type bits of a POSIX mode and the types this rule tells apart (stat.h). */
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private AtomicFiles() {}

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} through {@code writer} by the rule above. A file-system fault (a full
     * disk, a folder where the file should go, a file where a folder should) is reported naming
     * {@code target} as given ({@link IoFaults}).
     */
    public static void write(Path target, Writer writer) throws IOException {
        try {
            Path file = followLinks(target.toAbsolutePath());
            if (isWrittenThrough(file)) {
                writeThrough(file, writer);
            } else {
                replace(file, writer);
            }
        } catch (IOException e) {
            throw IoFaults.at(target, e);
        }
    }

    /** Writes {@code text} as UTF-8 by the rule above. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Appends {@code text} as UTF-8 to {@code target} (created if missing, links followed); for
     * logs, which grow a line at a time and are never replaced. Faults are reported naming it.
     */
    public static void appendString(Path target, String text) throws IOException {
        try {
            Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw IoFaults.at(target, e);
        }
    }

    /**
     * The file {@code path} finally names: {@code path} itself unless it is a symbolic link, else
     * what the chain of links points to (which need not exist yet: a dangling link is written
     * through to its target, as the shell's {@code >} does).
     */
    static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) {
                throw new FileSystemException(path.toString(), null, "Too many levels of symbolic links");
            }
            // resolveSibling keeps an absolute link as it is and puts a relative one beside the link.
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        return p;
    }

    /**
     * Whether {@code file} is a pipe or a character device, to be written through rather than
     * replaced; a folder, a block device or a socket is refused here.
     */
    private static boolean isWrittenThrough(Path file) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        if (attrs.isDirectory()) {
            // Checked first so that a large file is not written only for its rename to fail.
            throw new FileSystemException(file.toString(), null, "Is a directory");
        }
        if (!attrs.isOther()) {
            return false;
        }
        int type = fileType(file);
        if (type == S_IFBLK) {
            // Writing scores over a disk is never what was meant.
            throw new FileSystemException(file.toString(), null, "is a block device, not a file; choose a file");
        }
        if (type == S_IFSOCK) {
            throw new FileSystemException(file.toString(), null, "is a socket, not a file; choose a file");
        }
        return true; // a FIFO or a character device (or another special file the OS will judge when opened)
    }

    /** The POSIX file type bits of {@code file}, or -1 where the platform does not tell them. */
    private static int fileType(Path file) {
        try {
            return (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & S_IFMT;
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return -1;
        }
    }

    /** Writes into the existing pipe or device in order, without creating or truncating anything. */
    private static void writeThrough(Path file, Writer writer) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE), 1 << 16)) {
            writer.write(out);
        }
    }

    private static void replace(Path absolute, Writer writer) throws IOException {
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its owner-only permissions would stick to the written file.
        Path tmp = dir.resolve("." + shortened(absolute.getFileName().toString()) + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(
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
}
