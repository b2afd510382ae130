package cyborg.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Split files that every command reading one must refuse (or, where allowed, skip and count). */
class SplitBadInputTest extends BadInputCorpus {
    @Override
    List<BadInput> cases(Path dir) throws Exception {
        List<String> rows = ToySplit.rows();
        int firstTest = rows.indexOf(ToySplit.rows("test").get(0));
        String model = Toy.model().toString();
        String images = Toy.images();
        String out = dir.resolve("out").toString();
        String twiceInTrain = ToySplit.edited(dir.resolve("twice.csv"), r -> {
            r.add(r.get(1));
            return r;
        });
        String leak = ToySplit.edited(dir.resolve("leak.csv"), r -> {
            r.add(r.get(0).replaceFirst("^train,", "test,"));
            return r;
        });
        String twiceInTest = ToySplit.edited(dir.resolve("twice-test.csv"), r -> {
            r.add(firstTest + 3, r.get(firstTest));
            return r;
        });
        String respelt = ToySplit.edited(dir.resolve("respelt.csv"), r -> {
            r.add(r.get(firstTest).replaceFirst(",/test/", ",test/./"));
            return r;
        });
        String latin1 = ToySplit.latin1(dir.resolve("latin1.csv"), ToySplit.edited(r -> {
            r.set(4, r.get(4).replace(".png", "-caf\u00e9.png"));
            return r;
        }));
        String utf16 = Files.write(dir.resolve("utf16.csv"), (String.join("\n", rows) + "\n")
                .getBytes(StandardCharsets.UTF_16)).toString();
        String latin1Test = ToySplit.latin1(dir.resolve("latin1-test.csv"), ToySplit.edited(r -> {
            r.add("test,Real,/test/caf\u00e9.png");
            return r;
        }));
        String badClass = ToySplit.edited(dir.resolve("bad-class.csv"), r -> {
            r.add("test,Deepfake,/test/x.png");
            return r;
        });
        String scores = ToySplit.scores(dir.resolve("scores.csv"), ToySplit.rows("test"));
        String empty = Files.writeString(dir.resolve("empty.csv"), "\n\n").toString();
        String folderRow = ToySplit.edited(dir.resolve("folder-row.csv"), r -> {
            r.set(2, r.get(2).substring(0, r.get(2).lastIndexOf('/')));
            return r;
        });
        String allBad = Files.writeString(dir.resolve("all-bad.csv"), "train;Real;/a.png\ntest;Real;/b.png\n").toString();
        return List.of(
                BadInput.fails("train: an image listed twice in the train split", "twice.csv:" + (rows.size() + 1),
                        "lines 2 ('train') and " + (rows.size() + 1) + " ('train')",
                        ToySplit.train(out, "--csv", twiceInTrain, "--images", images)),
                BadInput.fails("score: an image in both train and test (leak)", "leak.csv:" + (rows.size() + 1),
                        "in two splits (a leak between them)", "score", "--model", model, "--csv", leak, "--images", images,
                        "--out", dir.resolve("s.csv").toString()),
                BadInput.fails("score --skip-bad: a leak is still an error", "leak.csv", "lines 1 ('train') and",
                        "score", "--model", model, "--csv", leak, "--images", images, "--skip-bad", "--out",
                        dir.resolve("s.csv").toString()),
                BadInput.fails("evaluate: an image listed twice in the test split", "twice-test.csv:" + (firstTest + 4),
                        "listed twice in the same split", "evaluate", "--scores", scores, "--csv", twiceInTest,
                        "--out", out),
                BadInput.fails("saliency: one image spelt two ways", "respelt.csv", "listed twice", "saliency",
                        "--model", model, "--csv", respelt, "--images", images, "--out", out),
                BadInput.fails("train: a Latin-1 byte in a path", "latin1.csv:5", "re-save the file as UTF-8",
                        ToySplit.train(out, "--csv", latin1, "--images", images)),
                BadInput.fails("score: split file saved as UTF-16", "utf16.csv", "UTF-16", "score", "--model", model,
                        "--csv", utf16, "--images", images, "--out", dir.resolve("s.csv").toString()),
                BadInput.skips("score --skip-bad: a Latin-1 row is skipped and counted", "1 line not UTF-8 text",
                        "score", "--model", model, "--csv", latin1Test, "--images", images, "--skip-bad", "--out",
                        dir.resolve("s.csv").toString()),
                BadInput.skips("evaluate --skip-bad: a row of an unknown class is skipped and counted",
                        "1 unknown class", "evaluate", "--scores", scores, "--csv", badClass, "--skip-bad", "--out", out),
                BadInput.fails("train: split file without rows", "empty.csv", "no rows",
                        ToySplit.train(out, "--csv", empty, "--images", images)),
                BadInput.fails("train: a relpath naming a folder", "folder-row.csv:3", "is a folder, not an image",
                        ToySplit.train(out, "--csv", folderRow, "--images", images)),
                BadInput.fails("train --skip-bad: every row bad (semicolons)", "all-bad.csv",
                        "no rows left after skipping 2 bad ones",
                        ToySplit.train(out, "--csv", allBad, "--images", images, "--skip-bad")),
                BadInput.fails("score: --csv names a folder (the OS says only 'Is a directory')", Toy.data().toString(),
                        "--csv takes a split file", "score", "--model", model, "--csv", Toy.data().toString(),
                        "--images", images, "--out", dir.resolve("s.csv").toString()),
                BadInput.fails("evaluate: --csv names a folder", dir.resolve("no-csv-here").toString(),
                        "--csv takes a split file", "evaluate", "--scores", scores, "--csv",
                        Files.createDirectories(dir.resolve("no-csv-here")).toString(), "--out", out));
    }
}
