package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Folder layouts (--folder) with nothing usable in them, or with files the layout passes over. */
class FolderBadInputTest extends BadInputCorpus {
    private static Path file(Path f) throws IOException {
        Files.createDirectories(f.getParent());
        return Files.writeString(f, "not an image");
    }

    private static void image(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    @Override
    List<BadInput> cases(Path dir) throws Exception {
        Path someImage = ScoreFileBadInputTest.imageFolder(dir.resolve("source")).resolve("real/studio/r0.png");
        Path nothing = dir.resolve("nothing");
        file(nothing.resolve("real/notes.txt"));
        Files.createDirectories(nothing.resolve("fakes"));
        Path loose = dir.resolve("loose");
        image(someImage, loose.resolve("a.png"));
        image(someImage, loose.resolve("b.png"));
        Path tiffs = dir.resolve("heics");
        file(tiffs.resolve("real/ffhq/1.heic"));
        file(tiffs.resolve("synthetic/gan/2.heic"));
        Path shadowed = dir.resolve("shadowed");
        Files.createDirectories(shadowed.resolve("train"));
        image(someImage, shadowed.resolve("real/studio/1.png"));
        String model = Toy.model().toString();
        String out = dir.resolve("out").toString();
        return List.of(
                BadInput.fails("score --folder: only a text file and a folder that is not a class", "nothing",
                        "folder 'fakes/' (not a class folder", "score", "--model", model, "--folder", nothing.toString(),
                        "--out", dir.resolve("s.csv").toString()),
                BadInput.fails("evaluate --folder: images loose in the root, outside class folders", "loose",
                        "2 files outside the class folders", "evaluate", "--scores", someImage + ",0.5", "--folder",
                        loose.toString(), "--out", out),
                BadInput.fails("train --folder: class folders holding only .heic files (a format cyborg does not read)", "heics",
                        "2 files not ending in .png/.jpg", ToySplit.train(out, "--folder", tiffs.toString())),
                BadInput.fails("saliency --folder: class folder beside an empty train/ folder", "shadowed",
                        "the root has train/val/test folders", "saliency", "--model", model, "--folder",
                        shadowed.toString(), "--out", out));
    }

    @Test
    void scoreOnAFolderSaysWhatItIgnoredWithCounts() throws IOException {
        Path folder = ScoreFileBadInputTest.imageFolder(dir.resolve("ds"));
        file(folder.resolve("real/studio/notes.txt"));
        file(folder.resolve("synthetic/droplet/Thumbs.db"));
        file(folder.resolve("other/x.png"));
        Cli r = Cli.run("score", "--model", Toy.model().toString(), "--folder", folder.toString(), "--out",
                dir.resolve("s.csv").toString());
        assertEquals(0, r.status, r.toString());
        assertTrue(r.out.contains("ignored 2 files not ending in .png/.jpg/.jpeg/.bmp/.gif/.tif/.tiff/.webp (e.g. real/studio/notes.txt,"
                + " synthetic/droplet/Thumbs.db) and folder 'other/' (not a class folder"), r.toString());
        assertTrue(r.out.contains("scored 4 images"), r.toString());
    }
}
