package cyborg.spark.score;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
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
}
