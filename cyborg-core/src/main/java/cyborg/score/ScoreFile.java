package cyborg.score;

import cyborg.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        StringBuilder sb = new StringBuilder(scores.size() * 64);
        for (Score s : scores) {
            requireFinite(s.key(), s.score());
            sb.append(s.key()).append(',').append((float) s.score()).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * Refuses a NaN or infinite score, which no metric can use and which would poison every
     * file downstream; it comes from the model (normalisation or weights), not from the image.
     */
    public static void requireFinite(String image, double score) throws IOException {
        if (!Double.isFinite(score)) {
            throw new IOException(image + ": the model gave a score of " + score + " for this image, so nothing"
                    + " was written; check the model's normalisation (mean and std in model.json) and its weights"
                    + " (NaN or infinite values: retrain or re-import)");
        }
    }

    /** Reads a score file; the path may itself contain commas (the score follows the last one). */
    public static List<Score> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "score file not found; check --scores");
        }
        List<Score> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
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
                throw new IOException(file + ":" + (i + 1) + ": expected 'imagepath,score' (no header), found '"
                        + line + "'");
            }
            if (!Double.isFinite(score)) {
                throw new IOException(file + ":" + (i + 1) + ": score is not a finite number: '" + line + "'");
            }
            out.add(new Score(line.substring(0, comma), score));
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no scores in file");
        }
        return out;
    }
}
