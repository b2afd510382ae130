package cyborg.web.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import cyborg.data.ImageOutputs;
import cyborg.web.AnnotateConfig;
import cyborg.web.AnnotateServer;
import cyborg.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.Interaction;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.interactions.WheelInput;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The annotation page at {@code /} in a real headless Chromium, against a real annotate server (pair
 * mode, 4 Real and 4 Synthetic 64x48 images, a temp database): a stroke painted with the pointer
 * must come out of the export as white pixels of a mask of the image's own size. Skipped (with the
 * apt packages to install) where Debian's chromium and chromium-driver are absent; CI installs them.
 */
class AnnotatePageBrowserTest {
    /** Why the browser is missing, or null; checked per test so Surefire reports the reason. */
    private static final String MISSING = Browser.missing();
    /** Not square, and far smaller than shown: the page must map display pixels to image pixels. */
    private static final int W = 64;
    private static final int H = 48;

    @TempDir
    static Path dir;
    /** The pair-mode run most tests share, each as its own annotator. */
    private static Run run;
    private static AnnotationStore store;
    private static ImageCatalog catalog;
    private static ChromeDriver driver;

    /** A data set, its database and a server on it; closing stops the server, then the database. */
    private record Run(AnnotationStore store, ImageCatalog catalog, AnnotateServer server) implements AutoCloseable {
        static Run start(String name, Mode mode, boolean requireTokens) throws Exception {
            Path data = dir.resolve(name + "-data");
            AnnotationStore store = AnnotationStore.open(dir.resolve(name + ".db"));
            ImageCatalog catalog = ImageCatalog.register(store, data, Faces.write(data, 4, 4, W, H));
            return new Run(store, catalog, serve(store, catalog, mode, requireTokens, 0));
        }

        static AnnotateServer serve(AnnotationStore store, ImageCatalog catalog, Mode mode, boolean requireTokens,
                int port) {
            return AnnotateServer.start(new AnnotateConfig("127.0.0.1", port, mode, 3, requireTokens, null,
                    AnnotateConfig.DEFAULT_MAX_BODY_BYTES), store, catalog);
        }

        String url() {
            return "http://127.0.0.1:" + server.port() + "/";
        }

        @Override
        public void close() throws Exception {
            server.close();
            store.close();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        if (MISSING != null) {
            return; // each test is skipped below, with the reason
        }
        run = Run.start("pairs", Mode.PAIR, false);
        store = run.store();
        catalog = run.catalog();
        driver = Browser.open(1280, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (run != null) {
            run.close();
        }
    }

    /** A signed-out page at desktop width: each test signs in as its own annotator. */
    @BeforeEach
    void signedOut() {
        assumeTrue(MISSING == null, () -> "browser test skipped: it " + MISSING);
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of()); // after the phone test
        openSignedOut(run.url());
    }

    private static void openSignedOut(String url) {
        driver.get(url);
        driver.executeScript("localStorage.clear(); sessionStorage.clear()");
        driver.navigate().refresh();
        Browser.waiting(driver).until(d -> testId("sign-in").isDisplayed());
    }

    @Test
    void aStrokePaintedOnThePickedFaceIsExportedAsWhitePixelsOfAMaskOfTheImagesSize() throws Exception {
        signIn("alice");
        long image = pick(0);
        paint(0.25, 0.5, 0.75, 0.5); // across the middle
        assertEquals("1", testId("canvas").getAttribute("data-strokes"));
        testId("reason").sendKeys("smeared teeth");
        save();
        Browser.waiting(driver).until(d -> testId("progress").getText().startsWith("1 saved"));

        BufferedImage mask = exported("alice", image);
        assertEquals(W, mask.getWidth());
        assertEquals(H, mask.getHeight());
        for (int x : new int[] {18, 32, 46}) {
            assertTrue(white(mask, x, H / 2), "painted at " + x + "," + H / 2);
        }
        for (int[] p : new int[][] {{2, 2}, {W - 3, H - 3}, {W / 2, 8}, {W / 2, H - 8}, {4, H / 2}}) {
            assertFalse(white(mask, p[0], p[1]), "not painted at " + p[0] + "," + p[1]);
        }
        StoredAnnotation saved = saved("alice");
        assertEquals(image, saved.image().id(), "pair mode: the mask belongs to the face picked");
        assertEquals("smeared teeth", saved.text());
        assertNotNull(saved.msDecide());
        assertTrue(saved.msPaint() >= 0);
        JsonArray strokes = JsonParser.parseString(saved.strokes()).getAsJsonArray();
        assertEquals(1, strokes.size());
        JsonObject stroke = strokes.get(0).getAsJsonObject();
        assertFalse(stroke.get("erase").getAsBoolean());
        JsonArray first = stroke.getAsJsonArray("points").get(0).getAsJsonArray();
        assertEquals(W * 0.25, first.get(0).getAsDouble(), 1.0, "points are in image pixels: " + first);
        assertEquals(H * 0.5, first.get(1).getAsDouble(), 1.0, "points are in image pixels: " + first);
        // the next task is on screen, nothing chosen yet
        Browser.waiting(driver).until(d -> "false".equals(testId("task").getAttribute("aria-busy")));
        assertFalse(testId("save").isEnabled());

        driver.get(run.url() + "overview.html");
        showOverview(store.addReviewer("lead-alice"));
        By mine = By.xpath("//tr[@data-testid='annotator-row'][td[1]='alice']");
        Browser.waiting(driver).until(d -> !d.findElements(mine).isEmpty());
        assertTrue(driver.findElement(mine).getText().startsWith("alice 1 1"), driver.findElement(mine).getText());
        // time and throughput, as annotate report computes them: one timed annotation, its decide + paint
        String time = driver.findElement(By.xpath("//tr[@data-testid='time-row'][td[1]='alice']")).getText();
        String seconds = String.format(java.util.Locale.ROOT, "%.1f s", (saved.msDecide() + saved.msPaint()) / 1000.0);
        assertTrue(time.startsWith("alice 1 " + seconds + " " + seconds + " – " + seconds), time);
        assertTrue(testId("summary").getText().matches("Images done: \\d+ of 8 \\(3 annotators per image, pair mode\\)\\."),
                testId("summary").getText());
        // the images rows: those shown in answered tasks (the API lists no others), the picked one among them
        ImageRecord picked = catalog.image(image).orElseThrow();
        List<WebElement> cells = driver.findElements(
                By.xpath("//tr[@data-testid='image-row'][td[1]='" + picked.name() + "']/td"));
        assertEquals(picked.label().displayName(), cells.get(1).getText());
        assertTrue(Integer.parseInt(cells.get(2).getText()) >= 1, "its mask is counted");
    }

    @Test
    void singleModeAsksRealSyntheticOrUnsureAndOnlyUnsureNeedsNoPaint() throws Exception {
        try (Run single = Run.start("single", Mode.SINGLE, false)) {
            openSignedOut(single.url());
            signIn("erin");
            assertTrue(testId("choices").isDisplayed());
            assertFalse(testId("canvas").isDisplayed(), "no brush before a decision");
            testId("choice-synthetic").click();
            assertEquals("true", testId("choice-synthetic").getAttribute("aria-pressed"));
            assertFalse(testId("save").isEnabled(), "a decision needs paint");
            paint(0.5, 0.3, 0.5, 0.7);
            save();
            awaitTask();
            testId("choice-unsure").click();
            assertTrue(testId("save").isEnabled(), "unsure may leave the face unpainted");
            testId("save").click();
            Browser.waiting(driver).until(d -> testId("progress").getText().startsWith("2 saved"));

            List<StoredAnnotation> saved = single.store().annotations();
            assertEquals(List.of("synthetic", "unsure"), saved.stream().map(StoredAnnotation::decision).toList());
            assertNotNull(saved.get(0).maskPng());
            assertEquals(null, saved.get(1).maskPng(), "nothing painted, no mask");
        }
    }

    @Test
    void aSaveTheServerDidNotAnswerKeepsTheWorkAndTheRetrySavesIt() throws Exception {
        Run gone = Run.start("restart", Mode.PAIR, false);
        int port = gone.server().port();
        openSignedOut(gone.url());
        signIn("frank");
        long image = pick(0);
        paint(0.25, 0.5, 0.75, 0.5);
        gone.server().close();

        testId("save").click();
        Browser.waiting(driver).until(d -> testId("status").getText().startsWith("Not saved"));
        assertTrue(testId("status").getText().contains("did not answer"), testId("status").getText());
        assertEquals("1", testId("canvas").getAttribute("data-strokes"), "the stroke is kept");
        assertTrue(testId("save").isEnabled(), "and can be saved again");

        try (AnnotateServer back = Run.serve(gone.store(), gone.catalog(), Mode.PAIR, false, port)) {
            save();
            assertEquals(image, gone.store().annotations().get(0).image().id());
        } finally {
            gone.store().close();
        }
    }

    @Test
    void aServerRequiringTokensShowsItsErrorAtSignInAndAcceptsTheAnnotatorsToken() throws Exception {
        try (Run guarded = Run.start("tokens", Mode.PAIR, true)) {
            String token = guarded.store().addAnnotator("grace");
            openSignedOut(guarded.url());
            testId("annotator-name").sendKeys("grace");
            testId("start").click();
            Browser.waiting(driver).until(d -> testId("sign-in-message").getText().contains("has a token: send it"));
            assertTrue(testId("sign-in").isDisplayed(), "back at sign-in, with the server's reason");

            testId("annotator-token").sendKeys(token);
            testId("start").click();
            awaitTask();
            assertTrue(testId("who").getText().contains("grace"));
        }
    }

    @Test
    void undoRemovesTheLastStrokeAndTheEraserCutsThroughPaintBeforeSaving() throws Exception {
        signIn("bob");
        assertFalse(testId("save").isEnabled(), "nothing picked, nothing painted");
        long image = pick(1);
        assertFalse(testId("save").isEnabled(), "nothing painted yet");
        paint(0.2, 0.25, 0.8, 0.25); // top
        paint(0.2, 0.75, 0.8, 0.75); // bottom, then taken back
        assertEquals("2", testId("canvas").getAttribute("data-strokes"));
        testId("undo").click();
        assertEquals("1", testId("canvas").getAttribute("data-strokes"));
        testId("eraser").click();
        assertEquals("true", testId("eraser").getAttribute("aria-pressed"));
        paint(0.3, 0.1, 0.3, 0.4); // across the top stroke's left part
        save();

        BufferedImage mask = exported("bob", image);
        assertTrue(white(mask, (int) (W * 0.6), H / 4), "the kept stroke");
        assertFalse(white(mask, (int) (W * 0.3), H / 4), "erased");
        assertFalse(white(mask, W / 2, 3 * H / 4), "the undone stroke");
        JsonArray strokes = JsonParser.parseString(saved("bob").strokes()).getAsJsonArray();
        assertEquals(2, strokes.size());
        assertTrue(strokes.get(1).getAsJsonObject().get("erase").getAsBoolean());
    }

    @Test
    void aReloadKeepsTheAnnotatorSignedInOnTheSameTask() {
        long task = signIn("carol");
        driver.navigate().refresh();
        awaitTask();
        assertFalse(testId("sign-in").isDisplayed());
        assertTrue(testId("who").getText().contains("carol"), testId("who").getText());
        assertEquals(task, Long.parseLong(testId("task").getAttribute("data-task")), "the open task again");
    }

    @Test
    void aReloadMidTaskKeepsTheChoiceTheStrokesAndTheNoteAndTheSaveHasThem() throws Exception {
        long task = signIn("heidi");
        long image = pick(1);
        paint(0.25, 0.5, 0.75, 0.5);
        testId("reason").sendKeys("odd earrings");
        driver.navigate().refresh();
        awaitTask();
        assertEquals(task, Long.parseLong(testId("task").getAttribute("data-task")), "the open task again");
        assertEquals("true", testId("face-1").getAttribute("aria-pressed"), "the face picked before the reload");
        assertEquals("false", testId("face-0").getAttribute("aria-pressed"));
        assertEquals("1", testId("canvas").getAttribute("data-strokes"), "the stroke painted before the reload");
        assertEquals("odd earrings", testId("reason").getAttribute("value"));
        assertTrue(testId("save").isEnabled(), "ready to save as it was");
        save();

        StoredAnnotation saved = saved("heidi");
        assertEquals(image, saved.image().id());
        assertEquals("odd earrings", saved.text());
        BufferedImage mask = exported("heidi", image);
        assertTrue(white(mask, W / 2, H / 2), "the restored stroke is in the mask");
        assertFalse(white(mask, W / 2, 4));
        // saved: the kept work is dropped, the next task starts blank even after another reload
        Browser.waiting(driver).until(d -> "false".equals(testId("task").getAttribute("aria-busy")));
        driver.navigate().refresh();
        awaitTask();
        assertFalse(testId("save").isEnabled());
        assertEquals("0", testId("canvas").getAttribute("data-strokes"));
    }

    @Test
    void theOverviewPageShowsNoLabelWithoutAReviewersTokenAndRefusesAnAnnotatorsToken() throws Exception {
        String annotatorToken = store.addAnnotator("ivan");
        driver.get(run.url() + "overview.html");
        Browser.waiting(driver).until(d -> testId("reviewer-sign-in").isDisplayed());
        assertFalse(testId("overview").isDisplayed());
        assertTrue(driver.findElements(By.cssSelector("[data-testid=image-row]")).isEmpty());

        testId("reviewer-token").sendKeys(annotatorToken);
        testId("review").click();
        Browser.waiting(driver).until(d -> testId("reviewer-message").getText().contains("not a reviewer's token"));
        assertFalse(testId("overview").isDisplayed());

        showOverview(store.addReviewer("lead"));
        assertTrue(testId("summary").getText().startsWith("Images done:"), testId("summary").getText());
        driver.navigate().refresh(); // kept for this tab
        Browser.waiting(driver).until(d -> testId("overview").isDisplayed());
    }

    @Test
    void atPhoneWidthTheFacesStackAndNothingScrollsSideways() {
        Browser.viewport(driver, 360, 780, true);
        driver.navigate().refresh();
        signIn("dave");
        pick(0);

        assertEquals(360L, driver.executeScript("return window.innerWidth"));
        Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth");
        assertTrue(scrollWidth.intValue() <= 360, "the page is " + scrollWidth + " px wide at 360");
        WebElement first = testId("face-0");
        WebElement second = testId("face-1");
        assertEquals(first.getLocation().getX(), second.getLocation().getX(), "faces stack in one column");
        assertTrue(second.getLocation().getY() > first.getLocation().getY());
        paint(0.3, 0.5, 0.7, 0.5); // the brush works at this size too
        assertTrue(testId("save").isEnabled());
    }

    // ---------------------------------------------------------------- zoom and pan of the face being painted

    @Test
    void aStrokePaintedAtFourTimesZoomLandsOnTheImagePixelsUnderThePointerAndStaysThereAtFit() throws Exception {
        signIn("judy");
        long image = pick(0);
        testId("zoom-in").click();
        testId("zoom-in").click();
        assertEquals("4×", testId("zoom-level").getText());
        // 4x about the middle of a 64x48 image: a 16x12 window, image x 24..40 and y 18..30
        assertView(4, 24, 18);
        // an arrow moves a quarter of what is visible: 4 image pixels across, 3 down
        new Actions(driver).sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.ARROW_DOWN).perform();
        assertView(4, 28, 21);
        // the image is drawn where the canvas maps the pointer: scaled 4x, its pixel 28 at the stage's left edge
        double fit = canvasWidth() / W;
        Map<?, ?> img = rect("[data-testid='face-0'] img");
        Map<?, ?> canvas = rect("[data-testid='canvas']");
        assertEquals(W * fit * 4, number(img.get("width")), 0.01);
        assertEquals(number(canvas.get("left")) - 28 * fit * 4, number(img.get("left")), 0.01);
        assertEquals(number(canvas.get("top")) - 21 * fit * 4, number(img.get("top")), 0.01);
        assertTrue(imageClass(0).contains("upscaled"), "a 64 px face is shown pixelated");

        // brush 48 screen px: at 4x about 1.8 image pixels; a stroke along the middle of image row 26,
        // from x 34.5 to 38.5: at screen fractions (x - 28) / 16 and (y - 21) / 12 of the 16x12 window
        new Actions(driver).sendKeys("]]]]]]").perform();
        assertEquals("48", testId("brush-size-value").getText());
        double fx0 = (34.5 - 28) / 16;
        double fx1 = (38.5 - 28) / 16;
        double fy = (26.5 - 21) / 12;
        // the same points from the state the page shows: window corner + fraction x window size
        double zoom = number(testId("canvas").getAttribute("data-zoom"));
        double panX = number(testId("canvas").getAttribute("data-pan-x"));
        double panY = number(testId("canvas").getAttribute("data-pan-y"));
        assertEquals(34.5, panX + fx0 * W / zoom, 1e-9);
        assertEquals(38.5, panX + fx1 * W / zoom, 1e-9);
        assertEquals(26.5, panY + fy * H / zoom, 1e-9);
        paint(fx0, fy, fx1, fy);
        assertEquals("1", testId("canvas").getAttribute("data-strokes"));
        assertTrue(paintedAt(36.5, 26.5), "drawn under the pointer, where the image shows pixel (36, 26)");
        assertFalse(paintedAt(36.5, 22.5));

        // zoomed out, the stroke is still drawn over image pixel (36, 26), and nowhere near the corners
        new Actions(driver).sendKeys("0").perform();
        assertView(1, 0, 0);
        assertEquals("1×", testId("zoom-level").getText());
        assertEquals(number(canvas.get("left")), number(rect("[data-testid='face-0'] img").get("left")), 0.01);
        assertTrue(paintedAt(36.5, 26.5), "the stroke shows where it was painted");
        assertFalse(paintedAt(36.5, 20.5));
        assertFalse(paintedAt(10, 40));
        save();

        BufferedImage mask = exported("judy", image);
        for (int x = 35; x <= 38; x++) {
            assertTrue(white(mask, x, 26), "painted at " + x + ",26");
        }
        for (int[] p : new int[][] {{31, 26}, {42, 26}, {36, 23}, {36, 29}, {28, 21}, {2, 2}, {60, 44}}) {
            assertFalse(white(mask, p[0], p[1]), "not painted at " + p[0] + "," + p[1]);
        }
        JsonObject stroke = JsonParser.parseString(saved("judy").strokes()).getAsJsonArray().get(0).getAsJsonObject();
        JsonArray first = stroke.getAsJsonArray("points").get(0).getAsJsonArray();
        assertEquals(34.5, first.get(0).getAsDouble(), 0.15, "points are in image pixels: " + first);
        assertEquals(26.5, first.get(1).getAsDouble(), 0.15, "points are in image pixels: " + first);
        // the brush stays 48 screen pixels: fewer image pixels at 4x than at fit
        assertEquals(48 / (fit * 4), stroke.get("size").getAsDouble(), 0.06);
    }

    @Test
    void theWheelZoomsAboutThePointerSpaceDragPansAndFitGoesBack() {
        signIn("kim");
        pick(1);
        WebElement canvas = testId("canvas");
        int w = canvas.getSize().getWidth();
        int h = canvas.getSize().getHeight();
        // image point (16, 12) is under the pointer at a quarter of the width and height
        new Actions(driver).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(canvas, offset(0.25, w),
                offset(0.25, h)), 0, -300).perform();
        Browser.waiting(driver).until(d -> number(canvas.getAttribute("data-zoom")) > 1.5);
        double zoom = number(canvas.getAttribute("data-zoom"));
        assertEquals(2, zoom, 0.01, "300 wheel pixels double the zoom");
        double underX = number(canvas.getAttribute("data-pan-x")) + (w / 2.0 + offset(0.25, w)) / w * W / zoom;
        double underY = number(canvas.getAttribute("data-pan-y")) + (h / 2.0 + offset(0.25, h)) / h * H / zoom;
        assertEquals(16, underX, 0.1, "the point under the pointer stays under it");
        assertEquals(12, underY, 0.1);

        // Space held: a drag pans (the image point grabbed follows the pointer) and paints nothing
        double panX = number(canvas.getAttribute("data-pan-x"));
        new Actions(driver).keyDown(Keys.SPACE).perform();
        assertTrue(canvas.getAttribute("class").contains("grab"));
        new Actions(driver).moveToElement(canvas, offset(0.6, w), 0).clickAndHold()
                .moveToElement(canvas, offset(0.5, w), 0).moveToElement(canvas, offset(0.4, w), 0)
                .release().keyUp(Keys.SPACE).perform();
        assertEquals(panX + 0.2 * W / zoom, number(canvas.getAttribute("data-pan-x")), 0.1);
        assertEquals("0", canvas.getAttribute("data-strokes"), "a pan is not a stroke");
        assertFalse(canvas.getAttribute("class").contains("grab"));
        // the wheel back: zoom out, by the same rule (2 ^ (pixels / 300))
        new Actions(driver).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(canvas, 0, 0), 0, 150).perform();
        Browser.waiting(driver).until(d -> number(canvas.getAttribute("data-zoom")) < zoom);
        assertEquals(zoom / Math.sqrt(2), number(canvas.getAttribute("data-zoom")), 0.01);

        testId("zoom-fit").click();
        assertView(1, 0, 0);
        assertFalse(testId("zoom-fit").isEnabled());
        assertFalse(testId("zoom-out").isEnabled());
        paint(0.4, 0.5, 0.6, 0.5);
        assertEquals("1", canvas.getAttribute("data-strokes"), "after the pan, a drag paints again");
    }

    @Test
    void twoFingersPinchToZoomAboutTheirMiddleAndOneFingerPaints() {
        Browser.viewport(driver, 400, 800, true);
        driver.navigate().refresh();
        signIn("lena");
        pick(0);
        WebElement canvas = testId("canvas");
        int w = canvas.getSize().getWidth();
        // the fingers 0.2 of the width apart about the middle, then 0.4 apart: twice the zoom, the middle kept
        PointerInput one = new PointerInput(PointerInput.Kind.TOUCH, "one");
        PointerInput two = new PointerInput(PointerInput.Kind.TOUCH, "two");
        Sequence first = new Sequence(one, 0);
        Sequence second = new Sequence(two, 0);
        first.addAction(at(one, canvas, 0.4, 0));
        second.addAction(at(two, canvas, 0.6, 0));
        first.addAction(one.createPointerDown(0));
        second.addAction(two.createPointerDown(0));
        for (int step = 1; step <= 4; step++) {
            double d = 0.1 + 0.1 * step / 4;
            first.addAction(at(one, canvas, 0.5 - d, 20));
            second.addAction(at(two, canvas, 0.5 + d, 20));
        }
        first.addAction(one.createPointerUp(0));
        second.addAction(two.createPointerUp(0));
        driver.perform(List.of(first, second));

        double expected = (double) (offset(0.7, w) - offset(0.3, w)) / (offset(0.6, w) - offset(0.4, w));
        assertEquals(expected, number(canvas.getAttribute("data-zoom")), 0.02);
        double zoom = number(canvas.getAttribute("data-zoom"));
        assertEquals(W / 2.0, number(canvas.getAttribute("data-pan-x")) + 0.5 * W / zoom, 0.1, "the middle kept");
        assertEquals(H / 2.0, number(canvas.getAttribute("data-pan-y")) + 0.5 * H / zoom, 0.1, "the middle kept");
        assertEquals("0", canvas.getAttribute("data-strokes"), "the first finger's touch was the start of the pinch");

        Sequence alone = new Sequence(one, 0);
        alone.addAction(at(one, canvas, 0.4, 0));
        alone.addAction(one.createPointerDown(0));
        alone.addAction(at(one, canvas, 0.5, 20));
        alone.addAction(at(one, canvas, 0.6, 20));
        alone.addAction(one.createPointerUp(0));
        driver.perform(List.of(alone));
        assertEquals("1", canvas.getAttribute("data-strokes"), "one finger paints");
        assertEquals(zoom, number(canvas.getAttribute("data-zoom")), 1e-9, "and neither zooms nor pans");
    }

    /** A finger's move, over {@code ms}, to a fraction {@code fx} of the canvas's width on its middle line. */
    private static Interaction at(PointerInput finger, WebElement canvas, double fx, long ms) {
        return finger.createPointerMove(Duration.ofMillis(ms), PointerInput.Origin.fromElement(canvas),
                offset(fx, canvas.getSize().getWidth()), 0);
    }

    /** The page's zoom and the window's top-left in image pixels, as the canvas's data attributes show them. */
    private static void assertView(double zoom, double panX, double panY) {
        WebElement canvas = testId("canvas");
        assertEquals(zoom, number(canvas.getAttribute("data-zoom")), 1e-9);
        assertEquals(panX, number(canvas.getAttribute("data-pan-x")), 1e-9);
        assertEquals(panY, number(canvas.getAttribute("data-pan-y")), 1e-9);
    }

    private static double number(Object value) {
        return Double.parseDouble(String.valueOf(value));
    }

    private static double canvasWidth() {
        return number(driver.executeScript("return document.querySelector(\"[data-testid='canvas']\")"
                + ".getBoundingClientRect().width"));
    }

    /** An element's box on screen (transforms included), as left, top, width. */
    private static Map<?, ?> rect(String css) {
        return (Map<?, ?>) driver.executeScript("const r = document.querySelector(arguments[0])"
                + ".getBoundingClientRect(); return {left: r.left, top: r.top, width: r.width}", css);
    }

    private static String imageClass(int face) {
        return testId("face-" + face).findElement(By.tagName("img")).getAttribute("class");
    }

    /** Whether the canvas shows paint over image point (x, y) as the view now places it. */
    private static boolean paintedAt(double x, double y) {
        Object alpha = driver.executeScript("const c = document.querySelector(\"[data-testid='canvas']\");"
                + " const z = +c.dataset.zoom, px = +c.dataset.panX, py = +c.dataset.panY;"
                + " const cx = Math.floor((arguments[0] - px) * z * c.width / arguments[2]);"
                + " const cy = Math.floor((arguments[1] - py) * z * c.height / arguments[3]);"
                + " return c.getContext('2d').getImageData(cx, cy, 1, 1).data[3];", x, y, W, H);
        return number(alpha) > 0;
    }

    // ---------------------------------------------------------------- page steps

    private static WebElement testId(String id) {
        return driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    /** Signs in and waits for the first task's faces; returns the task's id. */
    private static long signIn(String name) {
        testId("annotator-name").sendKeys(name);
        testId("start").click();
        awaitTask();
        return Long.parseLong(testId("task").getAttribute("data-task"));
    }

    private static void awaitTask() {
        Browser.waiting(driver).until(d -> testId("task").isDisplayed()
                && "false".equals(testId("task").getAttribute("aria-busy")));
    }

    /** Clicks face {@code i} as the synthetic one; returns its image id. */
    private static long pick(int i) {
        WebElement face = testId("face-" + i);
        face.click();
        Browser.waiting(driver).until(d -> testId("canvas").isDisplayed());
        return Long.parseLong(face.getAttribute("data-image-id"));
    }

    /** A pointer stroke from one point to another, given as fractions of the canvas's width and height. */
    private static void paint(double fx0, double fy0, double fx1, double fy1) {
        stroke(driver, testId("canvas"), fx0, fy0, fx1, fy1);
    }

    /**
     * A pointer stroke (down, moves, up) through points given as x, y fractions of the canvas's width
     * and height, moving in small steps between them as a hand would. Also used by
     * {@link AnnotatePageScreenshot}.
     */
    static void stroke(WebDriver driver, WebElement canvas, double... xy) {
        int w = canvas.getSize().getWidth();
        int h = canvas.getSize().getHeight();
        // Selenium 4 offsets are from the element's centre
        Actions actions = new Actions(driver).moveToElement(canvas, offset(xy[0], w), offset(xy[1], h)).clickAndHold();
        for (int i = 2; i + 1 < xy.length; i += 2) {
            for (int step = 1; step <= 8; step++) {
                double f = step / 8.0;
                actions.moveToElement(canvas, offset(xy[i - 2] + (xy[i] - xy[i - 2]) * f, w),
                        offset(xy[i - 1] + (xy[i + 1] - xy[i - 1]) * f, h));
            }
        }
        actions.release().perform();
    }

    private static int offset(double fraction, int size) {
        return (int) Math.round((fraction - 0.5) * size);
    }

    /** Gives the overview page a reviewer's token and waits for the overview. */
    private static void showOverview(String reviewerToken) {
        Browser.waiting(driver).until(d -> testId("reviewer-sign-in").isDisplayed());
        testId("reviewer-token").sendKeys(reviewerToken);
        testId("review").click();
        Browser.waiting(driver).until(d -> testId("overview").isDisplayed());
    }

    /** Saves and waits until the page says the server answered 2xx. */
    private static void save() {
        testId("save").click();
        Browser.waiting(driver).until(d -> testId("status").getText().startsWith("Saved"));
    }

    // ---------------------------------------------------------------- what the server kept

    /** The only annotation of {@code annotator}. */
    private static StoredAnnotation saved(String annotator) throws Exception {
        List<StoredAnnotation> mine = store.annotations().stream().filter(a -> a.annotator().equals(annotator)).toList();
        assertEquals(1, mine.size(), mine.toString());
        return mine.get(0);
    }

    /** Runs the export (as 'cyborg annotate export' does) and reads the map of this annotator and image. */
    private static BufferedImage exported(String annotator, long image) throws Exception {
        Path maps = Files.createTempDirectory(dir, "maps");
        MapExport.write(store.annotations(), maps, null, null);
        // named by the image's path under the data root, as train --maps matches it
        ImageRecord record = catalog.image(image).orElseThrow();
        Path map = maps.resolve(annotator).resolve(ImageOutputs.relative(MapExport.id(record), ".png"));
        assertTrue(Files.isRegularFile(map), "exported " + map);
        return ImageIO.read(map.toFile());
    }

    private static boolean white(BufferedImage mask, int x, int y) {
        return (mask.getRGB(x, y) & 0xFF) == 255;
    }
}
