package cyborg.data;

import java.nio.file.Path;

/**
 * One image of a data set.
 *
 * @param key the image path as written in score files (image root + CSV relpath, or the file path)
 * @param id its identity in the data set, its path under the data root: what its human maps and
 *     per-image outputs are named by
 * @param image the image file
 * @param label its class
 * @param source the authentic source or generator it comes from (its parent folder's name)
 * @param split {@code train}, {@code val} or {@code test}
 * @param origin where it was declared, for error messages
 */
public record Sample(String key, ImageId id, Path image, Label label, String source, String split, Origin origin) {
    /** An image met on its own, outside any data set (a benchmark file, a test): named by its file name. */
    public Sample(String key, Path image, Label label, String source, String split, Origin origin) {
        this(key, ImageId.fileName(image), image, label, source, split, origin);
    }
}
