package cyborg.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the per-image output files of one command (CAMs, saliency maps, exported human maps) by
 * the image's identity: {@code DIR/<identity without extension><suffix>}, e.g.
 * {@code cams/train/real/ffhq/0000_cam.png}. Named by the file name alone, {@code train/.../0000.png}
 * and {@code val/.../0000.png} wrote one file and the second silently replaced the first. Two images
 * whose identities differ only in their extension ({@code a.png}, {@code a.jpg}) would still share
 * a file, so the second is refused naming both. Thread-safe.
 */
public final class ImageOutputs {
    private final Path dir;
    private final Map<Path, ImageId> claimed = new ConcurrentHashMap<>();

    /** @param dir the output folder */
    public ImageOutputs(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The file of {@code id}'s output ending in {@code suffix} (e.g. {@code _cam.png}).
     *
     * @throws IOException naming both images when another image already has this file
     */
    public Path path(ImageId id, String suffix) throws IOException {
        Path file = dir.resolve(relative(id, suffix));
        ImageId before = claimed.putIfAbsent(file, id);
        if (before != null && !before.equals(id)) {
            throw new IOException(before + " and " + id + " would both write " + file + ": their names differ only"
                    + " in the extension; rename one of them");
        }
        return file;
    }

    /**
     * The output's path relative to the output folder, '/'-separated: for locations that are not
     * local paths (Hadoop URIs), joined to the folder by the caller.
     */
    public static String relative(ImageId id, String suffix) {
        return id.stem() + suffix;
    }
}
