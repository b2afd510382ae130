package cyborg.eval;

import cyborg.metrics.SourceAuc;

import cyborg.metrics.DetectionMetrics;
import cyborg.metrics.RocCurve;

import cyborg.score.Score;
import cyborg.score.ScoreFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates score files against ground truth: every score must match a labelled image (an
 * unmatched one is an error naming it), and each file gives one {@link RunMetrics}.
 */
public final class Evaluation {
    private Evaluation() {}

    /** Metrics of each score file, in order. */
    public static List<RunMetrics> evaluate(List<Path> scoreFiles, LabelIndex labels) throws IOException {
        List<RunMetrics> runs = new ArrayList<>();
        for (Path file : scoreFiles) {
            runs.add(evaluate(file, ScoreFile.read(file), labels));
        }
        return runs;
    }

    /** Metrics of scores held in memory; {@code file} names them in messages and reports. */
    public static RunMetrics evaluate(Path file, List<Score> scores, LabelIndex labels) throws IOException {
        double[] s = new double[scores.size()];
        int[] y = new int[scores.size()];
        String[] sources = new String[scores.size()];
        for (int i = 0; i < scores.size(); i++) {
            LabelIndex.Entry e = labels.find(scores.get(i).key());
            if (e == null) {
                throw new IOException(file + ":" + (i + 1) + ": image " + scores.get(i).key()
                        + " is not in the ground truth; pass the split file (or folder) the scores were made from");
            }
            s[i] = scores.get(i).score();
            y[i] = e.label();
            sources[i] = e.source();
        }
        try {
            return new RunMetrics(file.toString(), DetectionMetrics.of(s, y), SourceAuc.compute(s, y, sources),
                    new RocCurve(s, y));
        } catch (IllegalArgumentException ex) {
            throw new IOException(file + ": " + ex.getMessage(), ex);
        }
    }
}
