package cyborg.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the file system's faults into one line that names the path and says what to do. The JDK
 * reports them as exception classes with an OS reason ({@code FileAlreadyExistsException: out},
 * {@code Not a directory}) or, for a full disk while writing, without any path at all; this
 * classifies both kinds, so every command reports them alike.
 */
public final class IoFaults {
    /** What went wrong, as the user can act on it. */
    enum Fault {
        NOT_FOUND, ALREADY_EXISTS, FILE_IN_THE_WAY, FOLDER_IN_THE_WAY, DENIED, DISK_FULL, NAME_TOO_LONG, READ_ONLY, DEVICE_ERROR,
        OTHER
    }

    private IoFaults() {}

    /**
     * The fault {@code e} as an exception whose message is one line naming {@code path} as given,
     * for faults the JDK reports without the path or with another (a temporary file's); other
     * exceptions come back unchanged.
     */
    public static IOException at(Path path, IOException e) {
        if (classify(e) == Fault.OTHER) {
            return e;
        }
        return new IOException(describe(path, e), e);
    }

    /**
     * One line for any failure: a file system fault with its path described by
     * {@link #describe(Path, IOException)}, anything else by its own message (an unchecked I/O
     * exception by its cause's).
     */
    public static String describe(Throwable t) {
        if (t instanceof UncheckedIOException u) {
            t = u.getCause();
        }
        if (t instanceof FileSystemException fse && fse.getFile() != null) {
            return describe(Path.of(fse.getFile()), fse);
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    /** One line: {@code path}, what is wrong with it, and what to do. */
    public static String describe(Path path, IOException e) {
        return describe(path.toString(), path, e);
    }

    /**
     * One line for a fault at {@code location}, a local path or a URI (Hadoop's {@code hdfs://...},
     * {@code file:/...}) that a {@link Path} would misspell.
     */
    public static String describe(String location, IOException e) {
        return describe(location, null, e);
    }

    /**
     * The first file-system fault (a full disk, a read-only file system, no permission, ...) in
     * {@code t} or its causes, as one line naming {@code location}: for failures that arrive
     * wrapped, as Hadoop's {@code FSError} (an Error whose cause is the IOException) or a Spark job's
     * failure. With {@code writesOnly}, only faults that writing causes (no space, read-only).
     */
    public static Optional<IOException> inCauses(String location, Throwable t, boolean writesOnly) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException io) {
                Fault f = classify(io);
                if (f != Fault.OTHER && (!writesOnly || f == Fault.DISK_FULL || f == Fault.READ_ONLY)) {
                    return Optional.of(new IOException(describe(location, io), t));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code local} is the path for finding a file in the way, or null for a URI. */
    private static String describe(String where, Path local, IOException e) {
        return switch (classify(e)) {
            case NOT_FOUND -> where + ": " + (e instanceof NoSuchFileException nsf && nsf.getReason() != null
                    ? nsf.getReason() : "not found; check the path");
            case ALREADY_EXISTS -> fileInTheWay(local, where + ": already exists; remove it or choose another path");
            case FILE_IN_THE_WAY -> fileInTheWay(local, where + ": a part of this path is a file where a folder is"
                    + " expected; choose another path");
            case FOLDER_IN_THE_WAY -> where + ": is a folder where a file is expected; remove it or choose another"
                    + " file name";
            case DENIED -> where + ": permission denied; check its permissions (and its folder's) or choose another"
                    + " path";
            case DISK_FULL -> where + ": no space left on the device; free some space or write elsewhere";
            case NAME_TOO_LONG -> where + ": the file name is too long for the file system; choose a shorter one";
            case READ_ONLY -> where + ": the file system is read-only; write elsewhere";
            case DEVICE_ERROR -> where + ": input/output error (a failing disk or a lost network drive?); check the"
                    + " device and retry";
            case OTHER -> e instanceof FileSystemException fse && fse.getReason() != null
                    ? where + ": " + fse.getReason() : where + ": " + e.getMessage();
        };
    }

    static Fault classify(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Fault.NOT_FOUND;
        }
        if (e instanceof NotDirectoryException) {
            return Fault.FILE_IN_THE_WAY;
        }
        if (e instanceof FileAlreadyExistsException) {
            return Fault.ALREADY_EXISTS;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return Fault.FOLDER_IN_THE_WAY;
        }
        if (e instanceof AccessDeniedException) {
            return Fault.DENIED;
        }
        String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        // The OS's words (strerror) on Linux and macOS.
        if (r.contains("no space left") || r.contains("disk quota exceeded")) {
            return Fault.DISK_FULL;
        }
        if (r.contains("not a directory")) {
            return Fault.FILE_IN_THE_WAY;
        }
        if (r.contains("is a directory")) {
            return Fault.FOLDER_IN_THE_WAY;
        }
        if (r.contains("file name too long")) {
            return Fault.NAME_TOO_LONG;
        }
        if (r.contains("read-only file system")) {
            return Fault.READ_ONLY;
        }
        if (r.contains("permission denied") || r.contains("operation not permitted")) {
            return Fault.DENIED;
        }
        if (r.contains("input/output error")) {
            return Fault.DEVICE_ERROR;
        }
        if (r.contains("no such file")) {
            return Fault.NOT_FOUND;
        }
        return Fault.OTHER;
    }

    /**
     * Names the file that stands where a folder of {@code path} is needed ({@code path} itself or
     * one of its parents), or says {@code otherwise} when there is none.
     */
    private static String fileInTheWay(Path path, String otherwise) {
        if (path == null) {
            return otherwise;
        }
        for (Path p = path; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                String where = p.equals(path) ? path.toString() : path + ": " + p;
                return where + " is a file where a folder is expected; remove it or choose another path";
            }
        }
        return otherwise;
    }
}
