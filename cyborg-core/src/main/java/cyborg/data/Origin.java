package cyborg.data;

import java.nio.file.Path;

/**
 * Where a sample was declared: a CSV file and line, or the image file itself (folder layout).
 *
 * @param file the CSV or image file
 * @param line 1-based line in the CSV, or 0 when not from a CSV
 */
public record Origin(Path file, int line) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file.toString();
    }
}
