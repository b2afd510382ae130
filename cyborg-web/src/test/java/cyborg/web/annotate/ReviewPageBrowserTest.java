package cyborg.web.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cyborg.data.ImageOutputs;
import cyborg.web.AnnotateConfig;
import cyborg.web.AnnotateServer;
import cyborg.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The review page in a real headless Chromium: two annotators save a mask each through the
 * annotation page, a reviewer rejects one of them on {@code /review.html} with a reason and accepts
 * the other with the keyboard, and the export then leaves the rejected mask out and keeps the
 * accepted one. Skipped (with the apt packages to install) where Debian's Chromium is absent.
 */
class ReviewPageBrowserTest {
    private static final String MISSING = Browser.missing();
    private static final int W = 64;
    private static final int H = 48;

    @TempDir
    static Path dir;
    private static AnnotationStore store;
    private static ImageCatalog catalog;
    private static AnnotateServer server;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        if (MISSING != null) {
            return;
        }
        Path data = dir.resolve("data");
        store = AnnotationStore.open(dir.resolve("a.db"));
        catalog = ImageCatalog.register(store, data, Faces.write(data, 4, 4, W, H));
        server = AnnotateServer.start(new AnnotateConfig("127.0.0.1", 0, Mode.PAIR, 3, false, null,
                AnnotateConfig.DEFAULT_MAX_BODY_BYTES), store, catalog);
        driver = Browser.open(1280, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static String url(String page) {
        return "http://127.0.0.1:" + server.port() + "/" + page;
    }

    @Test
    void aReviewerRejectsAMaskWithAReasonAndTheExportLeavesItOutWhileKeepingTheAcceptedOne() throws Exception {
        assumeTrue(MISSING == null, () -> "browser test skipped: it " + MISSING);
        long alicesImage = annotate("alice", 0.25);
        long bobsImage = annotate("bob", 0.5);
        StoredAnnotation alices = only("alice");
        StoredAnnotation bobs = only("bob");
        // a third mask of alice's image, so the page has another mask to show beside hers
        Mask carols = Faces.mask(W, H, (x, y) -> y < H / 2);
        long carol = store.annotatorByName("carol").id();
        store.save(new NewAnnotation(null, carol, "import", alicesImage, null, null, null, null, null, null, carols,
                null, "coco"));

        // an annotator's token does not open the review
        driver.get(url("review.html"));
        driver.executeScript("localStorage.clear(); sessionStorage.clear()");
        driver.navigate().refresh();
        Browser.waiting(driver).until(d -> testId("reviewer-sign-in").isDisplayed());
        testId("reviewer-token").sendKeys(store.addAnnotator("dave"));
        testId("show-review").click();
        Browser.waiting(driver).until(d -> testId("reviewer-message").getText().contains("not a reviewer's token"));
        assertFalse(testId("review").isDisplayed());

        testId("reviewer-token").sendKeys(store.addReviewer("lead"));
        testId("show-review").click();
        Browser.waiting(driver).until(d -> testId("item").isDisplayed());
        assertEquals("0 of 3 reviewed", testId("progress").getText());

        // alice's mask over her image, large and crisp, with carol's beside it and their IoU
        show(alices.id());
        WebElement mask = testId("review-mask");
        Browser.waiting(driver).until(d -> String.valueOf(alices.id()).equals(mask.getAttribute("data-drawn")));
        Mask stored = Mask.decode(alices.maskPng(), "alice", Long.MAX_VALUE);
        assertTrue(stored.marked() > 0);
        assertEquals(String.valueOf(stored.marked()), mask.getAttribute("data-marked"), "the overlay is her mask");
        assertEquals("pixelated", testId("review-image").getCssValue("image-rendering"));
        assertTrue(testId("review-image").getSize().getWidth() >= 4 * W, "shown at 4x or more");
        List<WebElement> others = driver.findElements(By.cssSelector("[data-testid=other-mask]"));
        assertEquals(1, others.size());
        String iou = String.format(Locale.ROOT, "%.2f", Mask.iou(stored, carols));
        assertTrue(others.get(0).getText().contains("carol · IoU " + iou), others.get(0).getText());
        assertTrue(testId("agreement").getText().contains("2 masks: mean pairwise IoU " + iou),
                testId("agreement").getText());
        assertEquals("Not reviewed yet.", testId("verdict").getText());

        // R without a reason is refused on the page and records nothing; with one it rejects
        body().sendKeys("r");
        Browser.waiting(driver).until(d -> testId("status").getText().startsWith("Write a reason to reject"));
        assertTrue(store.reviews().isEmpty());
        testId("reason").sendKeys("paints the hair, not the face");
        testId("reject").click();
        Browser.waiting(driver).until(d -> testId("progress").getText().equals("1 of 3 reviewed (1 rejected)"));
        assertEquals("reject", store.reviews().get(alices.id()).verdict());
        assertEquals("paints the hair, not the face", store.reviews().get(alices.id()).reason());
        assertEquals("lead", store.reviews().get(alices.id()).reviewer());

        // the recorded verdict is shown when the reviewer comes back to it (K: previous)
        show(bobs.id());
        body().sendKeys("a"); // A: accept bob's
        Browser.waiting(driver).until(d -> testId("progress").getText().equals("2 of 3 reviewed (1 rejected)"));
        assertEquals("accept", store.reviews().get(bobs.id()).verdict());
        show(alices.id());
        assertEquals("Rejected by lead: paints the hair, not the face.", testId("verdict").getText());

        // walked by annotator, with only unreviewed ones: carol's import is all that is left
        testId("order-annotator").click();
        testId("unreviewed-only").click();
        Browser.waiting(driver).until(d -> testId("position").getText().equals("Annotation 1 of 1 (annotator carol)"));

        // the export keeps what was not rejected: alice's map is not written, bob's is
        Path maps = Files.createTempDirectory(dir, "maps");
        ReviewFilter.Result kept = ReviewFilter.NOT_REJECTED.apply(store.annotations(), store.reviews());
        MapExport.write(kept.kept(), store.reviews(), maps, null, null);
        assertFalse(Files.exists(map(maps, "alice", alicesImage)), "the rejected mask is left out");
        assertTrue(Files.exists(map(maps, "bob", bobsImage)), "the accepted mask is kept");
        assertTrue(Files.exists(map(maps, "carol", alicesImage)), "the unreviewed mask is kept");
        assertEquals(List.of(new ReviewFilter.LeftOut("alice", 1, 0)), kept.leftOut());
    }

    /**
     * Signs in on the annotation page as {@code name}, picks the first face, paints a horizontal
     * stroke at height {@code fy} from x 0.2 to 0.8, saves; returns the image masked.
     */
    private static long annotate(String name, double fy) {
        driver.get(url(""));
        driver.executeScript("localStorage.clear(); sessionStorage.clear()");
        driver.navigate().refresh();
        Browser.waiting(driver).until(d -> testId("sign-in").isDisplayed());
        testId("annotator-name").sendKeys(name);
        testId("start").click();
        Browser.waiting(driver).until(d -> testId("task").isDisplayed()
                && "false".equals(testId("task").getAttribute("aria-busy")));
        WebElement face = testId("face-0");
        face.click();
        Browser.waiting(driver).until(d -> testId("canvas").isDisplayed());
        long image = Long.parseLong(face.getAttribute("data-image-id"));
        AnnotatePageBrowserTest.stroke(driver, testId("canvas"), 0.2, fy, 0.8, fy);
        testId("save").click();
        Browser.waiting(driver).until(d -> testId("status").getText().startsWith("Saved"));
        return image;
    }

    /** Walks with the keys to the annotation with this id: K back to the first, then J until it is shown. */
    private static void show(long id) {
        while (testId("previous").isEnabled()) {
            body().sendKeys("k");
        }
        while (!String.valueOf(id).equals(testId("item").getAttribute("data-annotation-id"))) {
            assertTrue(testId("next").isEnabled(), "annotation " + id + " is not in the list");
            body().sendKeys("j");
        }
    }

    private static WebElement body() {
        return driver.findElement(By.tagName("body"));
    }

    private static StoredAnnotation only(String annotator) throws Exception {
        List<StoredAnnotation> mine = store.annotations().stream().filter(a -> a.annotator().equals(annotator)).toList();
        assertEquals(1, mine.size(), mine.toString());
        return mine.get(0);
    }

    private static Path map(Path maps, String annotator, long image) {
        return maps.resolve(annotator).resolve(ImageOutputs.relative(MapExport.id(catalog.image(image).orElseThrow()),
                ".png"));
    }

    private static WebElement testId(String id) {
        return driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }
}
