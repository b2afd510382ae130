package cyborg.data;

import cyborg.io.FolderGiven;
import cyborg.io.Utf8Lines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the reference split file: no header, rows {@code split,class,relpath}, the image at image
 * root + relpath. The source of a row is the name of its image's parent folder.
 */
public final class SplitCsv {
    private SplitCsv() {}

    /**
     * A parsed row, not yet resolved against an image root.
     *
     * @param split train, val or test
     * @param label the class
     * @param relpath the path column, always starting with {@code /}
     * @param origin file and line
     */
    public record Row(String split, Label label, String relpath, Origin origin) {
        /** The name of the image's parent folder: its source or generator. */
        public String source() {
            int end = relpath.lastIndexOf('/');
            int start = end > 0 ? relpath.lastIndexOf('/', end - 1) : -1;
            return end > 0 ? relpath.substring(start + 1, end) : "unknown";
        }
    }

    /**
     * Reads every row of {@code csv} and resolves it against {@code imageRoot}, checking that the
     * image exists.
     *
     * @param skips the bad-input policy; bad rows are thrown or counted there
     * @return the samples in file order
     */
    public static List<Sample> read(Path csv, Path imageRoot, SkipReport skips) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (Row row : readRows(csv, skips)) {
            String key = imageRoot.toString() + row.relpath();
            Path image = Path.of(key);
            if (Files.isDirectory(image)) {
                skips.handle(new BadInputException(row.origin(), BadInputReason.MISSING_FILE, "image " + image
                        + " is a folder, not an image file; the relpath must name one image"));
                continue;
            }
            if (!Files.isRegularFile(image)) {
                BadInputReason reason = Files.exists(image) ? BadInputReason.BAD_IMAGE : BadInputReason.MISSING_FILE;
                skips.handle(new BadInputException(row.origin(), reason, "image " + image + " "
                        + NotAFile.describe(image) + " (image root " + imageRoot + " + relpath " + row.relpath()
                        + "); check --images"));
                continue;
            }
            samples.add(new Sample(key, ImageId.of(imageRoot, image), image, row.label(), row.source(), row.split(),
                    row.origin()));
        }
        return samples;
    }

    /**
     * Reads and checks the rows of {@code csv} without touching the images: every row must parse
     * (else it is thrown or counted in {@code skips}), no image may be listed twice (always an
     * error, see {@link RepeatedImages}), and at least one row must be left.
     */
    public static List<Row> readRows(Path csv, SkipReport skips) throws IOException {
        FolderGiven.refuse(csv, "--csv", "a split file (no header, rows split,class,relpath)");
        List<Utf8Lines.Line> lines;
        try {
            lines = Utf8Lines.read(csv);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(csv.toString(), null, "split CSV not found; check --csv");
        }
        List<Row> rows = new ArrayList<>();
        int skipped = 0;
        for (Utf8Lines.Line line : lines) {
            if (line.isText() && line.text().isBlank()) {
                continue;
            }
            try {
                rows.add(parse(line, new Origin(csv, line.number())));
            } catch (BadInputException e) {
                skips.handle(e);
                skipped++;
            }
        }
        RepeatedImages.refuse(csv, rows);
        if (rows.isEmpty()) {
            throw new IOException(csv + ": no rows" + (skipped > 0 ? " left after skipping " + skipped + " bad ones" : "")
                    + "; expected one split,class,relpath row per image (no header)");
        }
        return rows;
    }

    private static Row parse(Utf8Lines.Line text, Origin origin) throws BadInputException {
        if (!text.isText()) {
            throw new BadInputException(origin, BadInputReason.NOT_UTF8, text.problem()
                    + "; re-save the file as UTF-8");
        }
        String line = text.text();
        String[] cols = line.split(",", 3);
        if (cols.length != 3) {
            throw new BadInputException(origin, BadInputReason.BAD_ROW,
                    "expected 3 columns split,class,relpath but found " + cols.length + ": " + Utf8Lines.shown(line));
        }
        String split = Splits.normalize(cols[0]);
        if (split == null) {
            String hint = cols[0].trim().equalsIgnoreCase("split") ? " (the file must have no header row)" : "";
            throw new BadInputException(origin, BadInputReason.UNKNOWN_SPLIT,
                    "unknown split '" + cols[0].trim() + "', expected train, val or test" + hint);
        }
        Optional<Label> label = Label.parse(cols[1]);
        if (label.isEmpty()) {
            throw new BadInputException(origin, BadInputReason.UNKNOWN_CLASS,
                    "unknown class '" + cols[1].trim() + "', expected Real or Synthetic");
        }
        String relpath = cols[2].trim();
        if (relpath.isEmpty()) {
            throw new BadInputException(origin, BadInputReason.BAD_ROW, "empty image path");
        }
        return new Row(split, label.get(), relpath.startsWith("/") ? relpath : "/" + relpath, origin);
    }
}
