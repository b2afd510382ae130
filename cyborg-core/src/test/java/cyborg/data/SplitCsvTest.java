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
}
