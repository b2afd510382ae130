package cyborg.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.data.SkipReport;
import cyborg.score.ScoreFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class ScoreJoinTest {
    @TempDir
    Path dir;

    private LabelIndex truth(String split) throws IOException {
        Path csv = Files.writeString(dir.resolve("split.csv"), String.join("\n",
                "train,Real,/train/0_real/t.png",
                "test,Real,/test/0_real/ffhq/a.png",
                "test,Real,/test/0_real/ffhq/b.png",
                "test,Synthetic,/test/1_fake/gan/c.png",
                "test,Synthetic,/test/1_fake/gan/d.png", ""));
        return LabelIndex.fromCsv(csv, split, SkipReport.failFast());
    }

    private Path scores(String name, String... rows) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", rows) + "\n");
    }

    private static final String A = "/r/test/0_real/ffhq/a.png,0.1";
    private static final String B = "/r/test/0_real/ffhq/b.png,0.2";
    private static final String C = "/r/test/1_fake/gan/c.png,0.8";
    private static final String D = "/r/test/1_fake/gan/d.png,0.9";

    private ScoreJoin join(Path file, LabelIndex truth, boolean subset) throws IOException {
        return ScoreJoin.of(file, ScoreFile.readRows(file), truth, subset);
    }

    private String refusal(Path file, LabelIndex truth, boolean subset) {
        return assertThrows(IOException.class, () -> join(file, truth, subset)).getMessage();
    }

    @Test
    void everyRowOfTheSplitScoredOnceJoins() throws IOException {
        ScoreJoin j = join(scores("s.csv", A, B, C, D), truth("test"), false);
        assertEquals(List.of(0, 0, 1, 1), java.util.Arrays.stream(j.labels()).boxed().toList());
        assertEquals("gan", j.sources()[3]);
        assertEquals(0, j.leftOut());
    }

    @Test
    void scoreFileMissingRowsOfTheSplitIsRefusedNamingTheFileAndTheFirstRows() throws IOException {
        Path s = scores("s.csv", A, C);
        String m = refusal(s, truth("test"), false);
        assertTrue(m.startsWith(s + ": 2 of the 4 'test' rows of " + dir.resolve("split.csv") + " are not scored:"
                + " /test/0_real/ffhq/b.png (" + dir.resolve("split.csv") + ":3)"), m);
        assertTrue(m.contains("--subset"), m);
    }

    @Test
    void subsetJoinsTheScoredRowsAndCountsTheOthers() throws IOException {
        assertEquals(2, join(scores("s.csv", A, C), truth("test"), true).leftOut());
    }

    @Test
    void rowOfAnotherSplitIsRefusedWithItsLineAndTheSplitToChoose() throws IOException {
        Path s = scores("s.csv", A, B, "/r/train/0_real/t.png,0.3", C, D);
        String m = refusal(s, truth("test"), false);
        assertTrue(m.startsWith(s + ":3: 1 row not among the 'test' rows"), m);
        assertTrue(m.contains("a 'train' row, " + dir.resolve("split.csv") + ":1") && m.contains("pass --split train"), m);
    }

    @Test
    void imageNotInTheSplitFileIsRefusedEvenWithSubset() throws IOException {
        Path s = scores("s.csv", A, "/r/elsewhere/x.png,0.5");
        String m = refusal(s, truth("test"), true);
        assertTrue(m.startsWith(s + ":2: 1 row not among") && m.contains("/r/elsewhere/x.png (not in "), m);
        assertTrue(m.contains("pass the split file (or folder) the scores were made from"), m);
    }

    @Test
    void imageScoredTwiceIsRefusedSayingWhetherTheScoresDiffer() throws IOException {
        Path same = scores("same.csv", A, B, C, D, B);
        String m = refusal(same, truth("test"), false);
        assertTrue(m.startsWith(same + ":5: 1 image scored more than once: line 5 repeats line 2"), m);
        Path differ = scores("differ.csv", A, B, C, D, "/other/root/test/1_fake/gan/d.png,0.4");
        m = refusal(differ, truth("test"), false);
        assertTrue(m.startsWith(differ + ":5: 1 image scored more than once, with different scores"), m);
        assertTrue(m.contains("(0.9 vs 0.4)"), m);
    }

    @Test
    void runsScoringDifferentImagesAreRefusedUnderSubset() throws IOException {
        Path one = scores("one.csv", A, C);
        Path two = scores("two.csv", A, D);
        IOException e = assertThrows(IOException.class,
                () -> Evaluation.evaluate(List.of(one, two), truth("test"), true));
        assertTrue(e.getMessage().startsWith(two + ": scores other images than " + one
                + " (1 only here: /test/1_fake/gan/d.png; 1 only there: /test/1_fake/gan/c.png)"), e.getMessage());
    }

    @Test
    void splitAllEvaluatesEveryRow() throws IOException {
        assertEquals(0, join(scores("s.csv", A, B, C, D, "/r/train/0_real/t.png,0.3"), truth("all"), false).leftOut());
    }

    @Test
    void unknownSplitNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> truth("tset"));
    }
}
