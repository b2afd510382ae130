package cyborg.web.annotate;

import cyborg.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes the README's picture of the review page, {@code OUT/annotate-review.png}, from a running
 * {@code cyborg annotate} server whose images have been annotated (at least one image by two
 * people): signs in with the reviewer TOKEN, goes to the first annotation whose image has another
 * mask, and types a reason without recording it. Run by hand (README, "cyborg annotate"):
 * {@code java -cp CLASSPATH cyborg.web.annotate.ReviewPageScreenshot URL TOKEN OUT}
 */
public final class ReviewPageScreenshot {
    private ReviewPageScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ReviewPageScreenshot URL TOKEN OUT   (URL of a running 'cyborg annotate',"
                    + " TOKEN printed by 'cyborg annotate add-reviewer')");
            System.exit(2);
        }
        String missing = Browser.missing();
        if (missing != null) {
            System.err.println("ReviewPageScreenshot " + missing);
            System.exit(1);
        }
        ChromeDriver driver = Browser.open(1100, 900);
        try {
            driver.get(args[0] + (args[0].endsWith("/") ? "" : "/") + "review.html");
            driver.executeScript("sessionStorage.clear()");
            driver.navigate().refresh();
            Browser.waiting(driver).until(d -> find(driver, "reviewer-sign-in").isDisplayed());
            find(driver, "reviewer-token").sendKeys(args[1]);
            find(driver, "show-review").click();
            Browser.waiting(driver).until(d -> find(driver, "item").isDisplayed());
            WebElement body = driver.findElement(By.tagName("body"));
            while (driver.findElements(By.cssSelector("[data-testid=other-mask]")).isEmpty()) {
                if (!find(driver, "next").isEnabled()) {
                    throw new IllegalStateException("no image has two masks yet: annotate more first");
                }
                body.sendKeys("j");
            }
            String id = find(driver, "item").getAttribute("data-annotation-id");
            Browser.waiting(driver).until(d -> id.equals(find(driver, "review-mask").getAttribute("data-drawn")));
            find(driver, "reason").sendKeys("only the brows: the eyes gave this face away");
            Browser.waiting(driver).until(d -> d.findElements(By.cssSelector("[data-testid=other-mask]")).stream()
                    .allMatch(e -> "true".equals(e.getAttribute("data-drawn")))); // thumbnails draw after the face
            Number height = (Number) driver.executeScript(
                    "return Math.ceil(document.body.getBoundingClientRect().height)");
            Browser.viewport(driver, 1100, height.intValue(), false);
            Path file = Path.of(args[2]).resolve("annotate-review.png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            System.out.println("wrote " + file);
        } finally {
            driver.quit();
        }
    }

    private static WebElement find(ChromeDriver driver, String testId) {
        return driver.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }
}
