package cyborg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class SplitCsvTest {
    @TempDir
    Path root;

    @BeforeEach
    void images() throws IOException {
        Files.createDirectories(root.resolve("img/train/1_fake"));
        Files.createDirectories(root.resolve("img/test/0_real/ffhq"));
        TestImages.plain(root.resolve("img/train/1_fake/a.png"), 8);
        TestImages.plain(root.resolve("img/test/0_real/ffhq/b.png"), 8);
    }

    private Path csv(String text) throws IOException {
        return Files.writeString(root.resolve("split.csv"), text);
    }

    @Test
    void readsReferenceRowsWithPathAsRootPlusRelpath() throws IOException {
        Path csv = csv("train,Synthetic,/train/1_fake/a.png\ntest,Real,/test/0_real/ffhq/b.png\n");
        List<Sample> s = SplitCsv.read(csv, root.resolve("img"), SkipReport.failFast());
        assertEquals(2, s.size());
        assertEquals(root.resolve("img") + "/train/1_fake/a.png", s.get(0).key());
        assertEquals(Label.SYNTHETIC, s.get(0).label());
        assertEquals("1_fake", s.get(0).source());
        assertEquals("ffhq", s.get(1).source());
        assertEquals("test", s.get(1).split());
        assertEquals(2, s.get(1).origin().line());
    }

    private BadInputException failure(String text) throws IOException {
        Path csv = csv(text);
        return assertThrows(BadInputException.class, () -> SplitCsv.read(csv, root.resolve("img"), SkipReport.failFast()));
    }

    @Test
    void wrongColumnCountNamesFileAndLine() throws IOException {
        BadInputException e = failure("train,Synthetic,/train/1_fake/a.png\ntrain,Real\n");
        assertEquals(BadInputReason.BAD_ROW, e.reason());
        assertTrue(e.getMessage().contains("split.csv:2"), e.getMessage());
        assertTrue(e.getMessage().contains("--skip-bad"), e.getMessage());
    }

    @Test
    void unknownClassIsRefused() throws IOException {
        BadInputException e = failure("train,Fakeish,/train/1_fake/a.png\n");
        assertEquals(BadInputReason.UNKNOWN_CLASS, e.reason());
        assertTrue(e.getMessage().contains("'Fakeish'"));
    }

    @Test
    void headerRowGetsAHint() throws IOException {
        BadInputException e = failure("split,class,path\ntrain,Synthetic,/train/1_fake/a.png\n");
        assertTrue(e.getMessage().contains("no header"), e.getMessage());
    }

    @Test
    void missingImageNamesThePath() throws IOException {
        BadInputException e = failure("train,Synthetic,/train/1_fake/nope.png\n");
        assertEquals(BadInputReason.MISSING_FILE, e.reason());
        assertTrue(e.getMessage().contains("nope.png") && e.getMessage().contains("split.csv:1"));
    }

    @Test
    void skipBadCountsEachReason() throws IOException {
        Path csv = csv("train,Synthetic,/train/1_fake/a.png\ntrain,Real\nfoo,Real,/x.png\n"
                + "train,Other,/x.png\ntrain,Real,/missing.png\n\n");
        SkipReport skips = SkipReport.skipping();
        List<Sample> s = SplitCsv.read(csv, root.resolve("img"), skips);
        assertEquals(1, s.size());
        assertEquals(4, skips.total());
        assertEquals(1, skips.counts().get(BadInputReason.BAD_ROW));
        assertEquals(1, skips.counts().get(BadInputReason.UNKNOWN_SPLIT));
        assertEquals(1, skips.counts().get(BadInputReason.UNKNOWN_CLASS));
        assertEquals(1, skips.counts().get(BadInputReason.MISSING_FILE));
        assertTrue(skips.toString().startsWith("skipped 4 inputs"), skips.toString());
    }

    private IOException refusal(String text, SkipReport skips) throws IOException {
        Path csv = csv(text);
        return assertThrows(IOException.class, () -> SplitCsv.read(csv, root.resolve("img"), skips));
    }

    @Test
    void imageListedTwiceInOneSplitIsRefusedWithBothLines() throws IOException {
        IOException e = refusal("train,Synthetic,/train/1_fake/a.png\ntest,Real,/test/0_real/ffhq/b.png\n"
                + "train,Synthetic,/train/1_fake/a.png\n", SkipReport.failFast());
        assertTrue(e.getMessage().startsWith(root.resolve("split.csv") + ":3: 1 image listed twice"), e.getMessage());
        assertTrue(e.getMessage().contains("lines 1 ('train') and 3 ('train')"), e.getMessage());
    }

    @Test
    void imageInTwoSplitsIsALeakNamingBothLinesEvenUnderSkipBad() throws IOException {
        IOException e = refusal("train,Synthetic,/train/1_fake/a.png\ntest,Synthetic,train/1_fake/./a.png\n",
                SkipReport.skipping());
        assertTrue(e.getMessage().contains("split.csv:2: 1 image in two splits (a leak between them)"), e.getMessage());
        assertTrue(e.getMessage().contains("lines 1 ('train') and 2 ('test')"), e.getMessage());
    }

    @Test
    void nonUtf8RowNamesFileAndLineAndIsSkippedUnderSkipBad() throws IOException {
        byte[] latin1 = "train,Synthetic,/train/1_fake/a.png\ntest,Real,/test/0_real/ffhq/b\u00e9.png\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path csv = Files.write(root.resolve("split.csv"), latin1);
        BadInputException e = assertThrows(BadInputException.class,
                () -> SplitCsv.read(csv, root.resolve("img"), SkipReport.failFast()));
        assertEquals(BadInputReason.NOT_UTF8, e.reason());
        assertTrue(e.getMessage().contains("split.csv:2: byte 0xE9") && e.getMessage().contains("re-save the file as UTF-8"),
                e.getMessage());
        SkipReport skips = SkipReport.skipping();
        assertEquals(1, SplitCsv.read(csv, root.resolve("img"), skips).size());
        assertEquals(1, skips.counts().get(BadInputReason.NOT_UTF8));
    }

    @Test
    void fileWithoutRowsIsRefusedNamingIt() throws IOException {
        IOException e = refusal("\n\n", SkipReport.failFast());
        assertTrue(e.getMessage().startsWith(root.resolve("split.csv") + ": no rows"), e.getMessage());
        IOException allBad = refusal("train,Nope,/a.png\n", SkipReport.skipping());
        assertTrue(allBad.getMessage().contains("no rows left after skipping 1 bad ones"), allBad.getMessage());
    }

    @Test
    void relpathNamingAFolderSaysSo() throws IOException {
        BadInputException e = failure("train,Synthetic,/train/1_fake\n");
        assertTrue(e.getMessage().contains("is a folder, not an image file"), e.getMessage());
    }
}
