package cyborg.eval;

import cyborg.score.ScoreFile;
import cyborg.util.FirstFew;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Joins the rows of one score file to the ground truth of the evaluated split, refusing whatever
 * would quietly change the metrics: rows of images outside the split (another split's, or
 * unknown), images scored twice, and, unless a subset is asked for, rows of the split left
 * unscored.
 *
 * @param scores the scores, in file order
 * @param labels the class of each score's image
 * @param sources the source of each score's image
 * @param images the ground-truth entries scored, in file order
 * @param leftOut how many rows of the split are not scored (0 unless a subset was asked for)
 */
record ScoreJoin(double[] scores, int[] labels, String[] sources, Set<LabelIndex.Entry> images, int leftOut) {
    /** Marks a foreign row of an image the ground truth does not have. */
    private static final String UNKNOWN = "";

    /**
     * Joins {@code rows} of {@code file} to {@code truth}.
     *
     * @param subset whether rows of the split may be left unscored
     * @throws IOException naming the file (and line), the count and the first offending images
     */
    static ScoreJoin of(Path file, List<ScoreFile.Row> rows, LabelIndex truth, boolean subset) throws IOException {
        List<ScoreFile.Row> foreign = new ArrayList<>();
        List<String> foreignWhy = new ArrayList<>();
        Set<String> foreignSplits = new TreeSet<>();
        Map<LabelIndex.Entry, ScoreFile.Row> first = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        int firstDuplicateLine = 0;
        boolean conflicting = false;
        for (ScoreFile.Row row : rows) {
            LabelIndex.Entry e = truth.find(row.score().key());
            if (e == null || !truth.evaluates(e)) {
                foreign.add(row);
                foreignSplits.add(e == null ? UNKNOWN : e.split());
                foreignWhy.add("line " + row.line() + " " + row.score().key() + " ("
                        + (e == null ? "not in " + truth.from() : "a '" + e.split() + "' row, " + e.origin()) + ")");
                continue;
            }
            ScoreFile.Row earlier = first.putIfAbsent(e, row);
            if (earlier != null) {
                firstDuplicateLine = firstDuplicateLine == 0 ? row.line() : firstDuplicateLine;
                boolean differs = earlier.score().score() != row.score().score();
                conflicting |= differs;
                duplicates.add("line " + row.line() + " repeats line " + earlier.line() + " for " + e.path()
                        + (differs ? String.format(Locale.ROOT, " (%s vs %s)", earlier.score().score(),
                                row.score().score()) : ""));
            }
        }
        if (!foreign.isEmpty()) {
            throw new IOException(file + ":" + foreign.get(0).line() + ": " + count(foreign.size(), "row")
                    + " not among the " + truth.rows() + ": " + FirstFew.of(foreignWhy, "; ") + "; " + foreignHint(foreignSplits));
        }
        if (!duplicates.isEmpty()) {
            throw new IOException(file + ":" + firstDuplicateLine + ": " + count(duplicates.size(), "image")
                    + " scored more than once" + (conflicting ? ", with different scores" : "") + ": "
                    + FirstFew.of(duplicates, "; ") + "; keep one row per image (or score the split again)");
        }
        List<LabelIndex.Entry> unscored = truth.evaluated().stream().filter(e -> !first.containsKey(e)).toList();
        if (!unscored.isEmpty() && !subset) {
            throw new IOException(file + ": " + unscored.size() + " of the " + truth.evaluated().size() + " "
                    + truth.rows() + " are not scored: " + FirstFew.of(unscored.stream()
                            .map(e -> e.path() + " (" + e.origin() + ")").toList(), "; ")
                    + "; score all of them (cyborg score --split " + truth.split() + "), or pass --subset to"
                    + " evaluate only the scored rows");
        }
        double[] s = new double[rows.size()];
        int[] y = new int[rows.size()];
        String[] sources = new String[rows.size()];
        Set<LabelIndex.Entry> images = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            LabelIndex.Entry e = truth.find(rows.get(i).score().key());
            s[i] = rows.get(i).score().score();
            y[i] = e.label();
            sources[i] = e.source();
            images.add(e);
        }
        return new ScoreJoin(s, y, sources, images, unscored.size());
    }

    /** What to do about foreign rows: choose the split they are of, or the ground truth they come from. */
    private static String foreignHint(Set<String> splits) {
        if (splits.contains(UNKNOWN)) {
            return "pass the split file (or folder) the scores were made from, or remove these rows";
        }
        String split = splits.size() == 1 ? splits.iterator().next() : LabelIndex.ALL;
        return "if the scores are of " + (split.equals(LabelIndex.ALL) ? "several splits" : "the '" + split + "' split")
                + ", pass --split " + split + "; else remove these rows";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
