package cyborg.data;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An image's identity in its data set: its path relative to the data root, '/'-separated, e.g.
 * {@code train/original_data/1_fake/p1_100_fake.png} (the reference layout: the CSV relpath under
 * {@code --images}) or {@code train/real/ffhq/0000.png} (the folder layout: split, class and source
 * folders under {@code --folder}). File names repeat across class, source and split folders; the
 * identity does not, so human maps are found by it and every per-image output is named by it
 * ({@link ImageOutputs}).
 *
 * @param path the relative path: no leading '/', no empty, {@code .} or {@code ..} segment
 */
public record ImageId(String path) {
    public ImageId {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("an image identity is a relative '/'-separated path, got '" + path + "'");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("an image identity has no empty, '.' or '..' segment, got '"
                        + path + "'");
            }
        }
    }

    /**
     * The identity of {@code file} under {@code root}: its relative path when it lies under the
     * root (however either is spelled: both are made absolute and normalised), else its absolute
     * path without the leading '/', which is unique too and never leaves an output folder.
     */
    public static ImageId of(Path root, Path file) {
        return under(root, file).orElseGet(() -> {
            Path abs = file.toAbsolutePath().normalize();
            Path rootless = abs.getRoot() == null ? abs : abs.getRoot().relativize(abs);
            return new ImageId(slashes(rootless));
        });
    }

    /** The relative path of {@code file} under {@code root}, or empty if it is not under it. */
    public static Optional<ImageId> under(Path root, Path file) {
        Path base = root.toAbsolutePath().normalize();
        Path image = file.toAbsolutePath().normalize();
        if (!image.startsWith(base) || image.equals(base)) {
            return Optional.empty();
        }
        return Optional.of(new ImageId(slashes(base.relativize(image))));
    }

    /**
     * The identity of an image named by a string that may not be a local path (a Hadoop URI):
     * {@code relative} with its scheme and authority prefix ({@code hdfs://}), leading '/', empty
     * and {@code .} segments dropped and {@code ..} applied, e.g. a split file's relpath under a
     * URI image root.
     *
     * @throws IllegalArgumentException when a {@code ..} leaves the path
     */
    public static ImageId normalized(String relative) {
        String p = relative.replace('\\', '/');
        int scheme = p.indexOf("://");
        if (scheme > 0) {
            p = p.substring(scheme + 3);
        }
        java.util.ArrayDeque<String> kept = new java.util.ArrayDeque<>();
        for (String segment : p.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (kept.isEmpty()) {
                    throw new IllegalArgumentException(relative + ": the path leaves its root ('..'); name the image"
                            + " by a path inside it");
                }
                kept.removeLast();
            } else {
                kept.addLast(segment);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("'" + relative + "' names no file");
        }
        return new ImageId(String.join("/", kept));
    }

    /** For an image met on its own, outside any data set: its file name. */
    public static ImageId fileName(Path file) {
        return new ImageId(file.getFileName().toString());
    }

    /** The path without the file's last extension: {@code train/real/ffhq/0000}. */
    public String stem() {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) : path;
    }

    /** The file name's stem alone, {@code 0000}: what maps named by file name only are matched by. */
    public String bareStem() {
        String stem = stem();
        return stem.substring(stem.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return path;
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
