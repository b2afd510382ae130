package cyborg.eval;

import cyborg.metrics.DetectionMetrics;
import cyborg.metrics.RocCurve;
import cyborg.metrics.SourceAuc;
import cyborg.score.Score;
import cyborg.score.ScoreFile;
import cyborg.util.FirstFew;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates score files against ground truth: each file must score every image of the evaluated
 * split once and nothing else (see {@link ScoreJoin}), and gives one {@link RunMetrics}.
 */
public final class Evaluation {
    private Evaluation() {}

    /**
     * Metrics of each score file, in order.
     *
     * @param subset whether a file may leave rows of the split unscored; the files must then
     *     still score the same images, or their mean and std would compare different test sets
     */
    public static List<RunMetrics> evaluate(List<Path> scoreFiles, LabelIndex labels, boolean subset)
            throws IOException {
        List<RunMetrics> runs = new ArrayList<>();
        ScoreJoin firstJoin = null;
        for (Path file : scoreFiles) {
            ScoreJoin join = ScoreJoin.of(file, ScoreFile.readRows(file), labels, subset);
            if (firstJoin == null) {
                firstJoin = join;
            } else if (!join.images().equals(firstJoin.images())) {
                throw differentImages(file, join, scoreFiles.get(0), firstJoin);
            }
            runs.add(metrics(file, join));
        }
        return runs;
    }

    /** Metrics of scores held in memory, which must score every image of {@code labels} once. */
    public static RunMetrics evaluate(Path file, List<Score> scores, LabelIndex labels) throws IOException {
        return metrics(file, ScoreJoin.of(file, rows(scores), labels, false));
    }

    /**
     * The ROC AUC of scores held in memory against labels that need not follow the sources, such
     * as the classes a decoy implies (each source then holds both, which the per-source AUC of
     * {@link #evaluate(Path, List, LabelIndex)} refuses). The scores must cover the labels' rows
     * as there: every one once, nothing else.
     *
     * @param file the score file, for messages
     */
    public static double auc(Path file, List<Score> scores, LabelIndex labels) throws IOException {
        ScoreJoin join = ScoreJoin.of(file, rows(scores), labels, false);
        try {
            return new RocCurve(join.scores(), join.labels()).auc();
        } catch (IllegalArgumentException ex) {
            throw new IOException(file + " against " + labels.from() + ": " + ex.getMessage(), ex);
        }
    }

    /** Scores held in memory as the rows of a score file, numbered from 1. */
    private static List<ScoreFile.Row> rows(List<Score> scores) {
        List<ScoreFile.Row> rows = new ArrayList<>(scores.size());
        for (int i = 0; i < scores.size(); i++) {
            rows.add(new ScoreFile.Row(scores.get(i), i + 1));
        }
        return rows;
    }

    private static RunMetrics metrics(Path file, ScoreJoin join) throws IOException {
        try {
            return new RunMetrics(file.toString(), DetectionMetrics.of(join.scores(), join.labels()),
                    SourceAuc.compute(join.scores(), join.labels(), join.sources()),
                    new RocCurve(join.scores(), join.labels()), join.leftOut());
        } catch (IllegalArgumentException ex) {
            throw new IOException(file + ": " + ex.getMessage(), ex);
        }
    }

    private static IOException differentImages(Path file, ScoreJoin join, Path firstFile, ScoreJoin first) {
        Set<LabelIndex.Entry> onlyHere = new LinkedHashSet<>(join.images());
        onlyHere.removeAll(first.images());
        Set<LabelIndex.Entry> onlyThere = new LinkedHashSet<>(first.images());
        onlyThere.removeAll(join.images());
        return new IOException(file + ": scores other images than " + firstFile + " (" + onlyHere.size()
                + " only here" + paths(onlyHere) + "; " + onlyThere.size() + " only there" + paths(onlyThere)
                + "); score every run on the same rows, or mean and std compare different test sets");
    }

    private static String paths(Set<LabelIndex.Entry> entries) {
        return entries.isEmpty() ? "" : ": " + FirstFew.of(entries.stream().map(LabelIndex.Entry::path).toList(), ", ");
    }
}
