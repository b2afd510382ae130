package cyborg.train;

import java.nio.file.Path;

/**
 * Where a run's data came from, saved with the run (absolute paths, null when not given), so that
 * {@code --resume} needs only the run folder.
 *
 * @param csv the split CSV
 * @param images the image root of the CSV
 * @param maps the human maps folder
 * @param folder the folder layout, instead of a CSV
 */
public record RunData(String csv, String images, String maps, String folder) {

    /** Records the given locations as absolute, normalised paths. */
    public static RunData of(Path csv, Path images, Path maps, Path folder) {
        return new RunData(abs(csv), abs(images), abs(maps), abs(folder));
    }

    private static String abs(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize().toString();
    }

    /** A saved location as a path, or null. */
    public static Path path(String p) {
        return p == null ? null : Path.of(p);
    }
}
