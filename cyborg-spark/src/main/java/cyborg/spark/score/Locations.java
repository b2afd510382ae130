package cyborg.spark.score;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;

import cyborg.io.Utf8Lines;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where files are: a plain string is a local path (read with java.nio); a string starting with a
 * URI scheme ({@code hdfs://}, {@code s3a://}, {@code file:/}, ...) is read through Hadoop's
 * {@link FileSystem}, whose implementations the cluster provides.
 */
public final class Locations {
    /** A scheme of two letters or more followed by ':/' (one letter would be a Windows drive). */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

    private Locations() {}

    /** Whether {@code location} names a Hadoop file system URI rather than a local path. */
    public static boolean isUri(String location) {
        return SCHEME.matcher(location).matches();
    }

    /** The whole file. */
    public static byte[] read(String location) throws IOException {
        if (!isUri(location)) {
            return Files.readAllBytes(Path.of(location));
        }
        org.apache.hadoop.fs.Path path = hadoopPath(location);
        FileSystem fs = path.getFileSystem(new Configuration());
        try (FSDataInputStream in = fs.open(path)) {
            return in.readAllBytes();
        }
    }

    /**
     * The lines of a text file on the driver (e.g. {@code --list}), as {@link Utf8Lines} reads
     * them: a local path, or a URI read through Hadoop's {@link FileSystem} (so {@code hdfs://},
     * {@code s3a://} and {@code file:/} name what the cluster's file systems name, not a local
     * file of that spelling).
     *
     * @throws NoSuchFileException naming {@code location} when there is no such file
     */
    public static Utf8Lines.Lines openLines(String location) throws IOException {
        if (!isUri(location)) {
            return Utf8Lines.open(Path.of(location));
        }
        org.apache.hadoop.fs.Path path = hadoopPath(location);
        FSDataInputStream in;
        try {
            in = path.getFileSystem(new Configuration()).open(path);
        } catch (FileNotFoundException e) {
            throw new NoSuchFileException(location);
        }
        return Utf8Lines.open(in, location);
    }

    /** A Hadoop path of a location (a URI, or a local path). */
    public static org.apache.hadoop.fs.Path hadoopPath(String location) {
        if (!isUri(location)) {
            return new org.apache.hadoop.fs.Path(Path.of(location).toAbsolutePath().toUri());
        }
        try {
            return new org.apache.hadoop.fs.Path(new URI(location));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(location + ": not a valid URI (" + e.getReason() + ")");
        }
    }

    /**
     * The name errors and decoders call {@code location} by: the path itself, or the URI's path
     * for a URI.
     */
    public static Path displayPath(String location) {
        if (!isUri(location)) {
            return Path.of(location);
        }
        String path = URI.create(location.replace(" ", "%20")).getPath();
        return Path.of(path == null || path.isEmpty() ? location.replace(':', '_') : path);
    }

    /** Removes the checksum files a checksummed (local) file system wrote for {@code written} and inside it. */
    public static void dropChecksums(FileSystem fs, org.apache.hadoop.fs.Path written) throws IOException {
        if (!(fs instanceof ChecksumFileSystem checksummed)) {
            return;
        }
        org.apache.hadoop.fs.Path sibling = checksummed.getChecksumFile(written);
        if (fs.exists(sibling)) {
            fs.delete(sibling, false);
        }
        if (fs.getFileStatus(written).isDirectory()) {
            // the checksummed file system hides checksum files from its listings; the raw one shows them
            FileSystem raw = checksummed.getRawFileSystem();
            for (org.apache.hadoop.fs.FileStatus f : raw.listStatus(written)) {
                if (f.isDirectory()) {
                    dropChecksums(fs, f.getPath());
                } else if (checksummed.isChecksumFile(f.getPath())) {
                    raw.delete(f.getPath(), false);
                }
            }
        }
    }

    /** {@link #dropChecksums(FileSystem, org.apache.hadoop.fs.Path)} of a location. */
    public static void dropChecksums(String location, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path path = hadoopPath(location);
        dropChecksums(path.getFileSystem(conf), path);
    }
}
