package cyborg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Output paths the file system refuses: a folder where a file goes, a file where a folder goes, a
 * name too long; and a folder read as a file. A full disk is a private full device node, in
 * {@link OutputBadInputTest} (and {@code cyborg.io.AtomicFilesTest}, {@code IoFaultsTest}).
 */
class IoBadInputTest extends BadInputCorpus {
    @Override
    List<BadInput> cases(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("scores-folder.csv"));
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        String model = Toy.model().toString();
        String longName = "s".repeat(300) + ".csv";
        return List.of(
                BadInput.fails("score --out is a folder", "scores-folder.csv", "is a folder where a file is expected",
                        score(model, folder)),
                BadInput.fails("score --out under a file", "plain-file", "is a file where a folder is expected",
                        score(model, file.resolve("s.csv"))),
                BadInput.fails("score --out with a name too long", longName, "file name is too long",
                        score(model, dir.resolve(longName))),
                BadInput.fails("train --out is a file", "plain-file", "is a file where a folder is expected",
                        ToyTraining.args(file, "--loss", "ce")),
                BadInput.fails("train --out under a file", "plain-file", "is a file where a folder is expected",
                        ToyTraining.args(file.resolve("run"), "--loss", "ce")),
                BadInput.fails("train --init is a folder", "scores-folder.csv", "is a folder where a file is expected",
                        ToyTraining.args(dir.resolve("run"), "--loss", "ce", "--init", folder.toString())),
                BadInput.fails("explain --out is a file", "plain-file", "is a file where a folder is expected",
                        "explain", "--models", model, "--csv", Toy.csv(), "--images", Toy.images(), "--limit", "1",
                        "--out", file.toString()));
    }

    private static String[] score(String model, Path out) {
        return new String[] {"score", "--model", model, "--csv", Toy.csv(), "--images", Toy.images(), "--out",
            out.toString()};
    }
}
