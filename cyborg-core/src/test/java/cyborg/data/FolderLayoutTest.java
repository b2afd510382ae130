package cyborg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class FolderLayoutTest {
    @TempDir
    Path root;

    private Path image(String relative) throws IOException {
        Path f = root.resolve(relative);
        Files.createDirectories(f.getParent());
        return TestImages.plain(f, 4);
    }

    private void file(String relative) throws IOException {
        Path f = root.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "not an image");
    }

    @Test
    void nothingIgnoredMeansNoNote() throws IOException {
        image("ds/real/ffhq/1.png");
        assertTrue(FolderLayout.scan(root.resolve("ds"), "test").ignored().note().isEmpty());
    }

    @Test
    void filesThatAreNotImagesAndFoldersThatAreNotClassesAreCountedInOneLine() throws IOException {
        image("ds/real/ffhq/1.png");
        file("ds/real/ffhq/a.heic");
        file("ds/synthetic/x/notes.txt");
        file("ds/readme.txt");
        image("ds/other/2.png");
        FolderLayout.Scan scan = FolderLayout.scan(root.resolve("ds"), "test");
        assertEquals(1, scan.samples().size());
        assertEquals("ignored 2 files not ending in .png/.jpg/.jpeg/.bmp/.gif/.tif/.tiff/.webp (e.g. real/ffhq/a.heic,"
                + " synthetic/x/notes.txt), 1 file outside the class folders (e.g. readme.txt) and folder 'other/'"
                + " (not a class folder: " + Label.FOLDER_NAMES + ")", scan.ignored().note().orElseThrow());
    }

    @Test
    void classFoldersBesideSplitFoldersAreReportedAsNotRead() throws IOException {
        image("ds/train/real/1.png");
        image("ds/real/2.png");
        FolderLayout.Scan scan = FolderLayout.scan(root.resolve("ds"), "test");
        assertEquals(1, scan.samples().size());
        assertTrue(scan.ignored().note().orElseThrow().contains("folder 'real/' (the root has train/val/test"),
                scan.ignored().note().toString());
    }

    @Test
    void layoutWithoutUsableImagesNamesTheFolderAndWhatWasIgnored() throws IOException {
        image("ds/fakes/1.png");
        file("ds/real/1.heic");
        IOException e = assertThrows(IOException.class, () -> FolderLayout.scan(root.resolve("ds"), "test"));
        assertTrue(e.getMessage().startsWith(root.resolve("ds") + ": no images found (ignored 1 file not ending"),
                e.getMessage());
        assertTrue(e.getMessage().contains("folder 'fakes/' (not a class folder"), e.getMessage());
    }

    @Test
    void linkedClassFolderIsFollowed() throws IOException {
        image("elsewhere/ffhq/1.png");
        Files.createDirectories(root.resolve("ds"));
        Files.createSymbolicLink(root.resolve("ds/real"), root.resolve("elsewhere"));
        FolderLayout.Scan scan = FolderLayout.scan(root.resolve("ds"), "test");
        assertEquals(1, scan.samples().size());
        assertEquals("ffhq", scan.samples().get(0).source());
    }
}
