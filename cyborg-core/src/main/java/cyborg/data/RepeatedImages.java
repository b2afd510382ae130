package cyborg.data;

import cyborg.util.FirstFew;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a split file that lists an image more than once. In two splits it leaks the image
 * between them (a test image seen in training inflates every metric); twice in one split it
 * counts double. Either is an error even under {@code --skip-bad}: skipping one of the rows would
 * pick a split for the user. Paths are compared after normalisation, so {@code test/a.png} and
 * {@code /test/./a.png} are the same image.
 */
final class RepeatedImages {
    private RepeatedImages() {}

    /** Throws naming the first repeated row and the line it repeats, and how many repeats there are. */
    static void refuse(Path csv, List<SplitCsv.Row> rows) throws IOException {
        Map<String, SplitCsv.Row> first = new HashMap<>();
        List<Repeat> overlaps = new ArrayList<>();
        List<Repeat> duplicates = new ArrayList<>();
        for (SplitCsv.Row row : rows) {
            SplitCsv.Row earlier = first.putIfAbsent(normalized(row.relpath()), row);
            if (earlier != null) {
                (earlier.split().equals(row.split()) ? duplicates : overlaps).add(new Repeat(earlier, row));
            }
        }
        if (!overlaps.isEmpty()) {
            throw new IOException(overlaps.get(0).row.origin() + ": " + count(overlaps.size()) + " in two splits"
                    + " (a leak between them): " + examples(overlaps)
                    + "; keep each image in one split only" + (duplicates.isEmpty() ? ""
                            : " (also " + count(duplicates.size()) + " listed twice in one split)"));
        }
        if (!duplicates.isEmpty()) {
            throw new IOException(duplicates.get(0).row.origin() + ": " + count(duplicates.size()) + " listed twice"
                    + " in the same split (counted twice): " + examples(duplicates)
                    + "; remove the repeated rows");
        }
    }

    /** A row naming an image that an earlier row already named. */
    private record Repeat(SplitCsv.Row earlier, SplitCsv.Row row) {
        @Override
        public String toString() {
            return row.relpath() + " on lines " + earlier.origin().line() + " ('" + earlier.split() + "') and "
                    + row.origin().line() + " ('" + row.split() + "')";
        }
    }

    private static String normalized(String relpath) {
        return Path.of(relpath.replace('\\', '/')).normalize().toString();
    }

    private static String count(int n) {
        return n + " image" + (n == 1 ? "" : "s");
    }

    private static String examples(List<Repeat> all) {
        return FirstFew.of(all, "; ");
    }
}
