package cyborg.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
     * Reads every row of {@code csv}.
     *
     * @param csv the split file
     * @param imageRoot prefix of every relpath
     * @param skips the bad-input policy; bad rows are thrown or counted there
     * @return the samples in file order
     */
    public static List<Sample> read(Path csv, Path imageRoot, SkipReport skips) throws IOException {
        List<Sample> samples = new ArrayList<>();
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(csv.toString(), null, "split CSV not found; check --csv");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            Origin origin = new Origin(csv, i + 1);
            try {
                samples.add(parse(line, origin, imageRoot));
            } catch (BadInputException e) {
                skips.handle(e);
            }
        }
        return samples;
    }

    private static Sample parse(String line, Origin origin, Path imageRoot) throws BadInputException {
        String[] cols = line.split(",", 3);
        if (cols.length != 3) {
            throw new BadInputException(origin, BadInputReason.BAD_ROW,
                    "expected 3 columns split,class,relpath but found " + cols.length + ": '" + line + "'");
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
        String key = imageRoot.toString() + (relpath.startsWith("/") ? "" : "/") + relpath;
        Path image = Path.of(key);
        if (!Files.isRegularFile(image)) {
            throw new BadInputException(origin, BadInputReason.MISSING_FILE,
                    "image " + image + " does not exist (image root " + imageRoot + " + relpath " + relpath + ")");
        }
        Path parent = image.getParent();
        String source = parent == null || parent.getFileName() == null ? "unknown" : parent.getFileName().toString();
        return new Sample(key, image, label.get(), source, split, origin);
    }
}
