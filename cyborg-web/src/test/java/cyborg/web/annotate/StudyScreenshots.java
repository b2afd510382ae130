package cyborg.web.annotate;

import cyborg.io.AtomicFiles;
import cyborg.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Takes the README's pictures of a study ("A study, end to end") from a running {@code cyborg annotate}
 * server started with {@code --instructions}, {@code --practice 2} or more, {@code --maps} and
 * {@code --require-tokens}, by driving headless Chromium through the pages as the people would:
 * <ol>
 * <li>the first annotator signs in: {@code annotate-instructions.png} (the study text before the first task);
 * <li>answers the practice pairs, the first one wrong: {@code annotate-practice.png} (its feedback,
 *     with the human maps);
 * <li>zooms the first real task's picked face to 4× and paints over an eye: {@code annotate-zoom.png};
 * <li>both annotators answer TASKS tasks each (the second skips its first real one), picking faces by
 *     a fixed rule ({@link #byRule()}), painting strokes over the eyes (and the mouth);
 * <li>the reviewer opens the overview: {@code annotate-overview.png} (cropped below the gold table);
 * <li>and the review page at the first mask whose image has another, rejects it with a reason:
 *     {@code annotate-review.png}.
 * </ol>
 * Each picture is of the part of the page it is about, written only after every step before it
 * worked. Run by hand (README, "A study, end to end"):
 * {@code java -cp CLASSPATH cyborg.web.annotate.StudyScreenshots URL OUT REVIEWER_TOKEN NAME:TOKEN NAME:TOKEN TASKS}
 */
public final class StudyScreenshots {
    /** Wide enough for two faces side by side, narrow enough to keep each picture small. */
    private static final int WIDTH = 720;
    /** The overview's tables and the review page's facts beside the face need more room. */
    private static final int WIDE = 1000;
    /** The note of the annotation painted at 4× (the review picture is of another, plainer one). */
    private static final String ZOOM_NOTE = "the left eye: its edge is blocky";

    /** Strokes (x, y as fractions of the face) of the scripted annotators: they agree in part. */
    private static final double[] EYES = {0.28, 0.42, 0.5, 0.40, 0.72, 0.42};
    private static final double[] EYES_LOWER = {0.3, 0.46, 0.5, 0.45, 0.7, 0.46};
    private static final double[] EYES_AND_MOUTH = {0.3, 0.44, 0.5, 0.44, 0.5, 0.6, 0.5, 0.75};

    private final ChromeDriver driver;
    private final String url;
    private final Path out;

    private StudyScreenshots(ChromeDriver driver, String url, Path out) {
        this.driver = driver;
        this.url = url.endsWith("/") ? url : url + "/";
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: StudyScreenshots URL OUT REVIEWER_TOKEN NAME:TOKEN NAME:TOKEN TASKS"
                    + "   (URL of a running 'cyborg annotate' with --instructions, --practice and --maps;"
                    + " tokens from 'cyborg annotate add-reviewer' and 'add-annotator')");
            System.exit(2);
        }
        String missing = Browser.missing();
        if (missing != null) {
            System.err.println("StudyScreenshots " + missing);
            System.exit(1);
        }
        int tasks = Integer.parseInt(args[5]);
        ChromeDriver driver = Browser.open(WIDTH, 900);
        try {
            StudyScreenshots shots = new StudyScreenshots(driver, args[0], Path.of(args[1]));
            shots.annotator(args[3], tasks, true);
            shots.annotator(args[4], tasks, false);
            shots.overview(args[2]);
            shots.review(args[2]);
        } finally {
            driver.quit();
        }
    }

    /** One annotator's session: sign-in, instructions, practice, then TASKS real tasks. */
    private void annotator(String nameToken, int tasks, boolean first) throws IOException {
        String[] parts = nameToken.split(":", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("NAME:TOKEN expected, not " + nameToken);
        }
        driver.get(url);
        driver.executeScript("localStorage.clear(); sessionStorage.clear()");
        driver.navigate().refresh();
        Browser.waiting(driver).until(d -> find("sign-in").isDisplayed());
        find("annotator-name").sendKeys(parts[0]);
        find("annotator-token").sendKeys(parts[1]);
        find("start").click();
        Browser.waiting(driver).until(d -> find("study-intro").isDisplayed());
        if (first) {
            shoot("annotate-instructions.png", bottomOf("begin"));
        }
        find("begin").click();
        boolean shotPractice = !first;
        while (true) {
            awaitTask();
            if (!find("practice-label").isDisplayed()) {
                break;
            }
            pickAndPaint(shotPractice ? higher() : 1 - higher()); // the pictured one answered wrong
            find("save").click();
            Browser.waiting(driver).until(d -> find("feedback").isDisplayed());
            for (WebElement map : driver.findElements(By.cssSelector("[data-testid^='feedback-map-']"))) {
                Browser.waiting(driver).until(d -> (Boolean) driver.executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", map));
            }
            if (!shotPractice) {
                shoot("annotate-practice.png", bottomOf("feedback"));
                shotPractice = true;
            }
            find("feedback-next").click();
        }
        for (int n = 0; n < tasks; n++) {
            if (n > 0) {
                awaitTask();
            }
            if (find("done").isDisplayed()) {
                return;
            }
            if (!first && n == 0) {
                find("reason").sendKeys("both look real to me");
                find("skip").click();
                Browser.waiting(driver).until(d -> find("status").getText().startsWith("Skipped"));
                continue;
            }
            if (first && n == 0) {
                find("face-" + higher()).click();
                Browser.waiting(driver).until(d -> find("canvas").isDisplayed());
                find("zoom-in").click();
                find("zoom-in").click();
                Browser.waiting(driver).until(d -> "4×".equals(find("zoom-level").getText()));
                // the view is the middle quarter of the face; a quarter of it up and half of it left
                // brings the left eye (of `cyborg synth` faces) to the middle
                WebElement body = driver.findElement(By.tagName("body"));
                body.sendKeys(Keys.ARROW_UP, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
                AnnotatePageBrowserTest.stroke(driver, find("canvas"), 0.28, 0.62, 0.38, 0.48, 0.62, 0.48, 0.72, 0.62,
                        0.62, 0.76, 0.38, 0.76, 0.28, 0.62); // a ring round the eye
                find("reason").sendKeys(ZOOM_NOTE);
                shoot("annotate-zoom.png", bottomOf("reason"));
            } else {
                pickAndPaint(byRule(), first ? EYES : (n % 2 == 0 ? EYES_LOWER : EYES_AND_MOUTH));
            }
            find("save").click();
            Browser.waiting(driver).until(d -> find("status").getText().startsWith("Saved"));
            // the next task has loaded once nothing is painted on it yet
            Browser.waiting(driver).until(d -> find("done").isDisplayed() || !find("save").isEnabled());
        }
    }

    private void overview(String reviewerToken) throws IOException {
        driver.get(url + "overview.html");
        driver.executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        Browser.waiting(driver).until(d -> find("reviewer-sign-in").isDisplayed());
        find("reviewer-token").sendKeys(reviewerToken);
        find("review").click();
        Browser.waiting(driver).until(d -> find("overview").isDisplayed());
        Browser.viewport(driver, WIDE, 900, false);
        // down to the per-image table, which goes on for every image shown
        int bottom = driver.findElement(By.id("images-title")).getRect().getY() - 4;
        shoot("annotate-overview.png", bottom);
    }

    private void review(String reviewerToken) throws IOException {
        driver.get(url + "review.html");
        Browser.waiting(driver).until(d -> find("reviewer-sign-in").isDisplayed() || find("item").isDisplayed());
        if (find("reviewer-sign-in").isDisplayed()) {
            find("reviewer-token").sendKeys(reviewerToken);
            find("show-review").click();
        }
        Browser.waiting(driver).until(d -> find("item").isDisplayed());
        Browser.viewport(driver, WIDE, 900, false);
        WebElement body = driver.findElement(By.tagName("body"));
        // the first mask whose image has another, of the plain strokes across the eyes
        while (driver.findElements(By.cssSelector("[data-testid=other-mask]")).isEmpty()
                || find("facts").getText().contains(ZOOM_NOTE)) {
            if (!find("next").isEnabled()) {
                throw new IllegalStateException("no image has two plain masks yet: annotate more tasks");
            }
            body.sendKeys("j");
        }
        String id = find("item").getAttribute("data-annotation-id");
        Browser.waiting(driver).until(d -> id.equals(find("review-mask").getAttribute("data-drawn")));
        find("reason").sendKeys("a line across the eyes: paint only what gave it away");
        Browser.waiting(driver).until(d -> d.findElements(By.cssSelector("[data-testid=other-mask]")).stream()
                .allMatch(e -> "true".equals(e.getAttribute("data-drawn")))); // thumbnails draw after the face
        shoot("annotate-review.png", bottomOf("others"));
        String before = find("progress").getText();
        find("reject").click();
        Browser.waiting(driver).until(d -> !before.equals(find("progress").getText()));
        System.out.println("rejected annotation " + id + ": " + find("progress").getText());
    }

    /** PNG at the strongest deflate level ImageIO offers (quality 0): the same pixels, a smaller file. */
    private static void smallest(BufferedImage image, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    // ---------------------------------------------------------------- page steps

    private WebElement find(String testId) {
        return driver.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }

    private void awaitTask() {
        Browser.waiting(driver).until(d -> find("done").isDisplayed()
                || (find("task").isDisplayed() && "false".equals(find("task").getAttribute("aria-busy"))));
    }

    /**
     * The face the scripted annotators pick: the one showing the image with the larger id, unless the
     * other's id is a multiple of 3. A rule of the images, not of the task, so both annotators pick
     * the same images and agreement can be measured; with {@code cyborg synth}'s split.csv, whose
     * Real rows come first, it is right about two times in three.
     */
    private int byRule() {
        int higher = higher();
        long other = Long.parseLong(find("face-" + (1 - higher)).getAttribute("data-image-id"));
        return other % 3 == 0 ? 1 - higher : higher;
    }

    /** The face (0 or 1) showing the image with the larger id. */
    private int higher() {
        long first = Long.parseLong(find("face-0").getAttribute("data-image-id"));
        long second = Long.parseLong(find("face-1").getAttribute("data-image-id"));
        return first > second ? 0 : 1;
    }

    private void pickAndPaint(int face) {
        pickAndPaint(face, EYES);
    }

    private void pickAndPaint(int face, double[] stroke) {
        find("face-" + face).click();
        Browser.waiting(driver).until(d -> find("canvas").isDisplayed());
        AnnotatePageBrowserTest.stroke(driver, find("canvas"), stroke);
        Browser.waiting(driver).until(d -> find("save").isEnabled());
    }

    /** The page's y (CSS px) just below an element, where its picture is cut. */
    private int bottomOf(String testId) {
        Rectangle r = find(testId).getRect();
        return r.getY() + r.getHeight() + 6;
    }

    /**
     * Writes the page from its top down to {@code bottom} as OUT/NAME: the viewport is set to the
     * body's height first, so the picture is of what a person scrolls through, not of a window.
     */
    private void shoot(String name, int bottom) throws IOException {
        Number height = (Number) driver.executeScript("return Math.ceil(document.body.getBoundingClientRect().height)");
        int width = ((Number) driver.executeScript("return window.innerWidth")).intValue();
        Browser.viewport(driver, width, Math.max(height.intValue(), bottom), false);
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(driver.getScreenshotAs(OutputType.BYTES)));
        BufferedImage cut = page.getSubimage(0, 0, page.getWidth(), Math.min(bottom, page.getHeight()));
        Path file = out.resolve(name);
        AtomicFiles.write(file, stream -> smallest(cut, stream));
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        System.out.println("wrote " + file + " (" + cut.getWidth() + "x" + cut.getHeight() + ")");
    }
}
