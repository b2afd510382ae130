package cyborg.score;

import cyborg.io.AtomicFiles;
import cyborg.io.FolderGiven;
import cyborg.io.Utf8Lines;
import cyborg.model.Prediction;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The reference score file: no header, one {@code imagepath,score} row per image. */
public final class ScoreFile {
    private ScoreFile() {}

    /**
     * Writes the scores, atomically; nothing is written if any score is NaN or infinite.
     *
     * @throws IOException naming the first image whose score is not a finite number
     */
    public static void write(Path file, List<Score> scores) throws IOException {
        AtomicFiles.writeString(file, format(scores));
    }

    /**
     * The text of the score file of {@code scores} (what {@link #write} writes), for writers that
     * put it somewhere else than a local file (e.g. a Hadoop file system).
     *
     * @throws IOException naming the first image whose score is not a finite number
     */
    public static String format(List<Score> scores) throws IOException {
        StringBuilder sb = new StringBuilder(scores.size() * 64);
        for (Score s : scores) {
            Prediction.requireFinite(s.key(), s.score());
            sb.append(s.key()).append(',').append((float) s.score()).append('\n');
        }
        return sb.toString();
    }

    /**
     * A row of a score file.
     *
     * @param score the image and its score
     * @param line the 1-based line it is on
     */
    public record Row(Score score, int line) {}

    /** Reads a score file; the path may itself contain commas (the score follows the last one). */
    public static List<Score> read(Path file) throws IOException {
        return readRows(file).stream().map(Row::score).toList();
    }

    /** Reads a score file keeping each row's line, for messages; blank lines are passed over. */
    public static List<Row> readRows(Path file) throws IOException {
        FolderGiven.refuse(file, "--scores", "score files (no header, rows imagepath,score)");
        List<Utf8Lines.Line> lines;
        try {
            lines = Utf8Lines.read(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "score file not found; check --scores");
        }
        List<Row> out = new ArrayList<>(lines.size());
        for (Utf8Lines.Line text : lines) {
            if (!text.isText()) {
                throw new IOException(file + ":" + text.number() + ": " + text.problem() + "; re-save the file as UTF-8");
            }
            String line = text.text().strip();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            double score;
            try {
                if (comma <= 0) {
                    throw new NumberFormatException();
                }
                score = Double.parseDouble(line.substring(comma + 1).trim());
            } catch (NumberFormatException e) {
                if (out.isEmpty() && isHeader(line, comma)) {
                    throw new IOException(file + ":" + text.number() + ": " + Utf8Lines.shown(line) + " is a header"
                            + " row, but score files have none (rows imagepath,score, as 'cyborg score' writes them);"
                            + " delete line " + text.number());
                }
                throw new IOException(file + ":" + text.number() + ": expected imagepath,score with a number after the"
                        + " last comma (no header), found " + Utf8Lines.shown(line));
            }
            if (!Double.isFinite(score)) {
                throw new IOException(file + ":" + text.number() + ": score is not a finite number: '" + line + "'");
            }
            out.add(new Row(new Score(line.substring(0, comma), score), text.number()));
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no scores in file");
        }
        return out;
    }

    /** A first row whose last column is a word, not a number: a column name such as "score" or "prob". */
    private static boolean isHeader(String line, int comma) {
        String last = comma < 0 ? line : line.substring(comma + 1).trim();
        return !last.isEmpty() && last.chars().anyMatch(Character::isLetter)
                && last.chars().noneMatch(Character::isDigit);
    }
}
