package cyborg.explain;

import cyborg.data.BadInputException;
import cyborg.data.BadInputReason;
import cyborg.data.ImageExtensions;
import cyborg.data.Origin;
import cyborg.io.Utf8Lines;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The pairs of maps to compare, read lazily so that a list of a million pairs costs one line of
 * memory: from a CSV of {@code a,b} rows, or from two folders holding maps at the same paths.
 */
public final class MapPairs {
    private MapPairs() {}

    /** Pairs read one at a time; close to release the file. */
    public interface Source extends Iterator<MapPair>, Closeable {
        /** What was left out that the user should know of, or an empty string. */
        default String note() {
            return "";
        }

        @Override
        default void close() throws IOException {}
    }

    /**
     * The rows of {@code csv}, two map paths per line, relative ones against the CSV's folder.
     * Blank lines are ignored; the first line is a header, and skipped, when neither of its cells
     * ends in an image extension (so {@code a,b} or {@code map_a,map_b} is one, and a header-less
     * file works too). A row without exactly two cells, or not UTF-8 text, becomes a pair whose
     * {@link MapPair#bad()} says so.
     */
    public static Source fromCsv(Path csv) throws IOException {
        Utf8Lines.Lines lines;
        try {
            lines = Utf8Lines.open(csv);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(csv.toString(), null, "pairs CSV not found; check --pairs");
        }
        Path folder = csv.toAbsolutePath().getParent();
        return new Lookahead() {
            @Override
            MapPair advance() {
                while (lines.hasNext()) {
                    MapPair p = parse(lines.next(), csv, folder);
                    if (p != null) {
                        return p;
                    }
                }
                return null;
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }

    /** A pair, a bad row, or null for a line to ignore (blank, or the header). */
    private static MapPair parse(Utf8Lines.Line line, Path csv, Path folder) {
        Origin origin = new Origin(csv, line.number());
        if (!line.isText()) {
            return bad(line.text(), origin, BadInputReason.NOT_UTF8, line.problem());
        }
        if (line.text().isBlank()) {
            return null;
        }
        String[] cells = line.text().split(",", -1);
        if (cells.length != 2) {
            return bad(line.text(), origin, BadInputReason.BAD_ROW, "expected 2 columns a,b (two map paths), got "
                    + cells.length + ": '" + line.text() + "'");
        }
        String a = cells[0].strip();
        String b = cells[1].strip();
        if (line.number() == 1 && !ImageExtensions.isImage(Path.of(a)) && !ImageExtensions.isImage(Path.of(b))) {
            return null; // the header
        }
        return new MapPair(a, b, folder.resolve(a), folder.resolve(b), origin, null);
    }

    private static MapPair bad(String text, Origin origin, BadInputReason reason, String detail) {
        String shown = text == null ? "" : text;
        return new MapPair(shown, "", null, null, origin, new BadInputException(origin, reason, detail));
    }

    /**
     * The maps under {@code dirA} paired with the maps at the same relative paths under
     * {@code dirB}, in {@link MapTree} order; maps found in only one folder are counted in the
     * {@link Source#note()}, which is complete once the pairs are exhausted.
     */
    public static Source fromDirs(Path dirA, Path dirB) throws IOException {
        for (Path dir : new Path[] {dirA, dirB}) {
            if (!Files.isDirectory(dir)) {
                throw new NoSuchFileException(dir.toString(), null, "not a folder; --dirs takes two folders of maps");
            }
        }
        Iterator<Path> mapsA = MapTree.under(dirA);
        return new Lookahead() {
            private int onlyInA;

            @Override
            MapPair advance() {
                while (mapsA.hasNext()) {
                    Path a = mapsA.next();
                    Path b = dirB.resolve(dirA.relativize(a).toString());
                    if (Files.isRegularFile(b)) {
                        return new MapPair(a.toString(), b.toString(), a, b, new Origin(a, 0), null);
                    }
                    onlyInA++;
                }
                return null;
            }

            @Override
            public String note() {
                int onlyInB = 0;
                for (Iterator<Path> mapsB = MapTree.under(dirB); mapsB.hasNext(); ) {
                    Path b = mapsB.next();
                    if (!Files.isRegularFile(dirA.resolve(dirB.relativize(b).toString()))) {
                        onlyInB++;
                    }
                }
                if (onlyInA + onlyInB == 0) {
                    return "";
                }
                return "left out " + onlyInA + " map(s) found only under " + dirA + " and " + onlyInB
                        + " only under " + dirB + " (--dirs compares maps at the same relative path)";
            }
        };
    }

    /** A source that looks one pair ahead, so that {@code hasNext} can skip what is not a pair. */
    private abstract static class Lookahead implements Source {
        private MapPair next;

        /** The next pair, or null at the end. */
        abstract MapPair advance();

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public MapPair next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            MapPair p = next;
            next = null;
            return p;
        }
    }
}
