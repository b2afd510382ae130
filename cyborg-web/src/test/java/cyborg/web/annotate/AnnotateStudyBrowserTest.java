package cyborg.web.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cyborg.data.Label;
import cyborg.data.Sample;
import cyborg.web.AnnotateConfig;
import cyborg.web.AnnotateServer;
import cyborg.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A study in a real headless Chromium (issue 25): instructions, then 2 practice pairs with feedback
 * and human maps, then tasks; a gold pair scored in the overview; a skip. The server runs with
 * --instructions, --practice 2, a gold list of one pair (real-2, fake-2, gold 1.0 so the first task
 * after practice is gold) and maps of real-0..2 and fake-0..2 (6 Real, 6 Synthetic 64x48 images).
 */
class AnnotateStudyBrowserTest {
    private static final String MISSING = Browser.missing();
    private static final int W = 64;
    private static final int H = 48;

    @TempDir
    static Path dir;
    private static AnnotationStore store;
    private static ImageCatalog catalog;
    private static AnnotateServer server;
    private static ChromeDriver driver;
    private static String url;
    private static Set<Long> gold;

    @BeforeAll
    static void start() throws Exception {
        if (MISSING != null) {
            return;
        }
        Path data = dir.resolve("data");
        store = AnnotationStore.open(dir.resolve("study.db"));
        List<Sample> samples = Faces.write(data, 6, 6, W, H);
        catalog = ImageCatalog.register(store, data, samples);
        for (int i = 0; i < 3; i++) {
            for (String map : List.of("real/wild/real-" + i + ".png", "synthetic/gan/fake-" + i + ".png")) {
                Path file = dir.resolve("maps").resolve(map);
                Files.createDirectories(file.getParent());
                Files.write(file, Faces.mask(W, H, (x, y) -> x < W / 4).png());
            }
        }
        Path list = dir.resolve("gold.txt");
        Files.writeString(list, "# the lead's gold pair\nreal/wild/real-2.png\n\nsynthetic/gan/fake-2.png\n");
        gold = GoldList.read(list, catalog);
        Path md = dir.resolve("study.md");
        Files.writeString(md, "# How this study works\n\nPick the **synthetic** face, then paint. <b>not bold</b>\n");
        Study study = new Study(Instructions.html(md), 2, 1.0, gold, 1, ImageMaps.scan(dir.resolve("maps"), samples,
                catalog));
        server = AnnotateServer.start(new AnnotateConfig("127.0.0.1", 0, Mode.PAIR, 3, false, null,
                AnnotateConfig.DEFAULT_MAX_BODY_BYTES), store, catalog, study);
        url = "http://127.0.0.1:" + server.port() + "/";
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

    @BeforeEach
    void signedOut() {
        assumeTrue(MISSING == null, () -> "browser test skipped: it " + MISSING);
        driver.get(url);
        driver.executeScript("localStorage.clear(); sessionStorage.clear()");
        driver.navigate().refresh();
        Browser.waiting(driver).until(d -> testId("sign-in").isDisplayed());
    }

    @Test
    void instructionsThenTwoPracticePairsWithFeedbackAndMapsThenARealTask() throws Exception {
        testId("annotator-name").sendKeys("alice");
        testId("start").click();
        Browser.waiting(driver).until(d -> testId("study-intro").isDisplayed());
        assertFalse(testId("task").isDisplayed(), "no task before Begin");
        WebElement text = testId("instructions-text");
        assertEquals("How this study works", text.findElement(By.tagName("h1")).getText());
        assertTrue(text.getText().contains("<b>not bold</b>"), "raw HTML shown as text: " + text.getText());
        assertTrue(testId("practice-note").getText().contains("2 practice tasks"));
        testId("begin").click();

        for (int n = 1; n <= 2; n++) {
            awaitTask();
            assertEquals("Practice " + n + " of 2", testId("practice-label").getText());
            assertFalse(testId("skip").isDisplayed(), "practice is answered, not skipped");
            int synthetic = faceWith(Label.SYNTHETIC);
            int picked = n == 1 ? synthetic : 1 - synthetic; // right once, wrong once
            pickAndPaint(picked);
            testId("save").click();
            Browser.waiting(driver).until(d -> testId("feedback").isDisplayed());
            assertEquals(n == 1 ? "right" : "wrong", testId("feedback-verdict").getAttribute("data-verdict"));
            assertEquals("Face " + (synthetic + 1) + " was the synthetic one.", testId("feedback-answer").getText());
            assertTrue(testId("face-" + synthetic).getAttribute("class").contains("was-synthetic"));
            for (int face = 0; face < 2; face++) { // the answer (passed over when the pick was wrong) not faded
                assertFalse(testId("face-" + face).getAttribute("class").contains("passed-over"),
                        testId("face-" + face).getAttribute("class"));
            }
            for (int face = 0; face < 2; face++) { // both practice images have maps: laid over their faces
                WebElement map = testId("feedback-map-" + face);
                Browser.waiting(driver).until(d -> (Boolean) driver.executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", map));
                assertTrue(map.isDisplayed());
            }
            assertTrue(testId("progress").getText().startsWith("practice " + n + " of 2 done"),
                    testId("progress").getText());
            testId("feedback-next").click();
        }
        awaitTask();
        assertFalse(testId("practice-label").isDisplayed(), "after practice, a real task");
        assertTrue(testId("skip").isDisplayed());
        assertTrue(store.annotations().stream().noneMatch(a -> a.annotator().equals("alice")),
                "practice answers are never annotations");
        long alice = store.annotator("alice").orElseThrow().id();
        assertEquals(2, store.finished(alice, TaskKind.PRACTICE));

        // the instructions can be reopened, and closed back to the same task
        String task = testId("task").getAttribute("data-task");
        testId("open-instructions").click();
        Browser.waiting(driver).until(d -> testId("study-intro").isDisplayed());
        assertEquals("Back to the task", testId("begin").getText());
        testId("begin").click();
        awaitTask();
        assertEquals(task, testId("task").getAttribute("data-task"));
    }

    @Test
    void aGoldPairAnsweredShowsInTheOverviewAsTheAnnotatorsGoldAccuracy() throws Exception {
        signInAndPractise("bob");
        long shown = Long.parseLong(testId("face-0").getAttribute("data-image-id"));
        assertTrue(gold.contains(shown), "gold 1.0: the first task after practice is the gold pair");
        pickAndPaint(faceWith(Label.SYNTHETIC));
        testId("save").click();
        Browser.waiting(driver).until(d -> testId("status").getText().startsWith("Saved"));

        String token = store.addReviewer("lead-" + System.nanoTime());
        driver.get(url + "overview.html");
        Browser.waiting(driver).until(d -> testId("reviewer-sign-in").isDisplayed());
        testId("reviewer-token").sendKeys(token);
        testId("review").click();
        Browser.waiting(driver).until(d -> testId("overview").isDisplayed());
        WebElement row = driver.findElements(By.cssSelector("[data-testid='gold'] tbody tr")).stream()
                .filter(r -> r.getText().startsWith("bob")).findFirst().orElseThrow();
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("bob", "1", "1", "100%", "1"), cells.subList(0, 5), cells.toString());
        assertNotEquals("–", cells.get(5), "a mean IoU against the gold map");
    }

    @Test
    void aSkipIsRecordedAndTheNextTaskIsShown() throws Exception {
        signInAndPractise("carol");
        String skipped = testId("task").getAttribute("data-task");
        testId("reason").sendKeys("cannot tell them apart");
        testId("skip").click();
        Browser.waiting(driver).until(d -> testId("status").getText().startsWith("Skipped"));
        awaitTask();
        assertNotEquals(skipped, testId("task").getAttribute("data-task"), "the next task is shown");
        Skip skip = store.skips().stream().filter(s -> s.annotator().equals("carol")).findFirst().orElseThrow();
        assertEquals(Long.parseLong(skipped), skip.task());
        assertEquals("cannot tell them apart", skip.reason());
        assertTrue(skip.msShown() != null && skip.msShown() >= 0);
    }

    // ---------------------------------------------------------------- page steps

    private static WebElement testId(String id) {
        return driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private static void awaitTask() {
        Browser.waiting(driver).until(d -> testId("task").isDisplayed()
                && "false".equals(testId("task").getAttribute("aria-busy")));
    }

    /** Signs in, begins, answers both practice pairs; leaves the first task after practice on screen. */
    private static void signInAndPractise(String name) {
        testId("annotator-name").sendKeys(name);
        testId("start").click();
        Browser.waiting(driver).until(d -> testId("study-intro").isDisplayed());
        testId("begin").click();
        for (int n = 0; n < 2; n++) {
            awaitTask();
            pickAndPaint(0);
            testId("save").click();
            Browser.waiting(driver).until(d -> testId("feedback").isDisplayed());
            testId("feedback-next").click();
        }
        awaitTask();
        assertFalse(testId("practice-label").isDisplayed());
    }

    /** Which face (0 or 1) shows an image with this label. */
    private static int faceWith(Label label) {
        long first = Long.parseLong(testId("face-0").getAttribute("data-image-id"));
        return catalog.image(first).orElseThrow().label() == label ? 0 : 1;
    }

    private static void pickAndPaint(int face) {
        testId("face-" + face).click();
        Browser.waiting(driver).until(d -> testId("canvas").isDisplayed());
        AnnotatePageBrowserTest.stroke(driver, testId("canvas"), 0.2, 0.5, 0.6, 0.5);
        Browser.waiting(driver).until(d -> testId("save").isEnabled());
    }
}
