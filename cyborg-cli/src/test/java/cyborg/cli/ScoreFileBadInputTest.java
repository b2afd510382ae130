package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Score files that do not score the evaluated split exactly once, for 'cyborg evaluate'. */
class ScoreFileBadInputTest extends BadInputCorpus {
    private static List<String> plus(List<String> rows, String... more) {
        List<String> all = new ArrayList<>(rows);
        all.addAll(List.of(more));
        return all;
    }

    private String[] evaluate(String... scores) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--csv", Toy.csv(), "--out", dir.resolve("eval").toString()));
        args.add("--scores");
        args.addAll(List.of(scores));
        return args.toArray(String[]::new);
    }

    @Override
    List<BadInput> cases(Path dir) throws Exception {
        List<String> test = ToySplit.rows("test");
        String first = ToySplit.scoreRow(test.get(0), 0.31);
        String missing = ToySplit.scores(dir.resolve("missing.csv"), test.subList(2, test.size()));
        String same = ToySplit.write(dir.resolve("same.csv"), plus(Files.readAllLines(
                Path.of(ToySplit.scores(dir.resolve("all.csv"), test))), first.replace(",0.31", ",0.3")));
        String differ = ToySplit.write(dir.resolve("differ.csv"), plus(Files.readAllLines(Path.of(missing)),
                ToySplit.scoreRow(test.get(2), 0.99)));
        String train = ToySplit.scores(dir.resolve("with-train.csv"), plus(test, ToySplit.rows("train").get(0)));
        String unknown = ToySplit.write(dir.resolve("unknown.csv"), plus(Files.readAllLines(dir.resolve("all.csv")),
                Toy.images() + "/test/elsewhere/stray.png,0.5"));
        String latin1 = ToySplit.latin1(dir.resolve("latin1.csv"), List.of(first, "/data/caf\u00e9.png,0.5"));
        String runA = ToySplit.scores(dir.resolve("run-a.csv"), test.subList(0, test.size() - 1));
        String runB = ToySplit.scores(dir.resolve("run-b.csv"), test.subList(1, test.size()));
        String val = dir.resolve("val-scores.csv").toString();
        Cli scored = Cli.run("score", "--model", Toy.model().toString(), "--csv", Toy.csv(), "--images", Toy.images(),
                "--split", "val", "--out", val);
        assertEquals(0, scored.status, scored.toString());
        Path folder = imageFolder(dir.resolve("layout"));
        String folderScores = ToySplit.write(dir.resolve("folder-scores.csv"),
                List.of(folder.resolve("real/studio/r0.png") + ",0.2", folder.resolve("synthetic/droplet/s0.png") + ",0.8"));
        String header = ToySplit.write(dir.resolve("header.csv"), plus(List.of("imagepath,score"),
                Files.readAllLines(dir.resolve("all.csv")).toArray(String[]::new)));
        String nbsp = ToySplit.write(dir.resolve("nbsp.csv"), List.of(first.replace(",0.31", ",0.31\u00a0")));
        return List.of(
                BadInput.fails("evaluate: a header row (it said \"expected 'imagepath,score', found"
                        + " 'imagepath,score'\")", "header.csv:1", "is a header row", evaluate(header)),
                BadInput.fails("evaluate: a non-breaking space after the score is shown", "nbsp.csv:1", "0.31\\u00A0'",
                        evaluate(nbsp)),
                BadInput.fails("evaluate: --scores names a folder", dir.toString(), "--scores takes score files",
                        evaluate(dir.toString())),
                BadInput.fails("evaluate: score file misses rows of the test split", "missing.csv",
                        "2 of the " + test.size() + " 'test' rows", evaluate(missing)),
                BadInput.fails("evaluate: image scored twice with the same score", "same.csv:" + (test.size() + 1),
                        "scored more than once", evaluate(same)),
                BadInput.fails("evaluate: image scored twice with different scores", "differ.csv:" + (test.size() - 1),
                        "with different scores", evaluate(differ)),
                BadInput.fails("evaluate: a train row among test scores", "with-train.csv:" + (test.size() + 1),
                        "a 'train' row", evaluate(train)),
                BadInput.fails("evaluate: an image not in the split file", "unknown.csv:" + (test.size() + 1),
                        "not in " + Toy.csv(), evaluate(unknown)),
                BadInput.fails("evaluate: score file with a Latin-1 byte", "latin1.csv:2", "is not UTF-8",
                        evaluate(latin1)),
                BadInput.fails("evaluate --subset: two runs score different images", "run-b.csv", "other images than",
                        plus(List.of(evaluate(runA, runB)), "--subset").toArray(String[]::new)),
                BadInput.fails("evaluate: val scores (cyborg score --split val) evaluated as test", "val-scores.csv:1",
                        "pass --split val", evaluate(val)),
                BadInput.fails("evaluate --folder: score file misses images of the folder", "folder-scores.csv",
                        "are not scored", "evaluate", "--scores", folderScores, "--folder", folder.toString(), "--out",
                        dir.resolve("eval").toString()));
    }

    /** A folder layout of two real and two synthetic toy images. */
    static Path imageFolder(Path root) throws IOException {
        List<String> real = ToySplit.rows("test").stream().filter(r -> r.contains(",Real,")).toList();
        List<String> fake = ToySplit.rows("test").stream().filter(r -> r.contains(",Synthetic,")).toList();
        for (int i = 0; i < 2; i++) {
            copy(real.get(i), root.resolve("real/studio/r" + i + ".png"));
            copy(fake.get(i), root.resolve("synthetic/droplet/s" + i + ".png"));
        }
        return root;
    }

    private static void copy(String splitRow, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(Path.of(Toy.images() + splitRow.split(",", 3)[2]), to);
    }

    @Test
    void subsetEvaluatesOnlyTheScoredRowsAndSaysHowManyWereLeftOut() throws IOException {
        List<String> test = ToySplit.rows("test");
        String part = ToySplit.scores(dir.resolve("part.csv"), test.subList(3, test.size()));
        Cli r = Cli.run(plus(List.of(evaluate(part)), "--subset").toArray(String[]::new));
        assertEquals(0, r.status, r.toString());
        assertTrue(r.out.contains("part.csv: evaluated " + (test.size() - 3) + " of the " + test.size()
                + " 'test' rows of " + Toy.csv() + " (--subset): 3 left out"), r.toString());
    }
}
