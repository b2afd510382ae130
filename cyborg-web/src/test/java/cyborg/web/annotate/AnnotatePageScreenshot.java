package cyborg.web.annotate;

import cyborg.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes the README's picture of the annotation page, {@code OUT/annotate-page.png}, from a running
 * {@code cyborg annotate} server in pair mode: signs in as NAME, picks the first face and paints a
 * stroke over its eyes. Run by hand (README, "cyborg annotate"):
 * {@code java -cp CLASSPATH cyborg.web.annotate.AnnotatePageScreenshot URL OUT [NAME]}
 */
public final class AnnotatePageScreenshot {
    private AnnotatePageScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: AnnotatePageScreenshot URL OUT [NAME]   (URL of a running 'cyborg annotate')");
            System.exit(2);
        }
        String missing = Browser.missing();
        if (missing != null) {
            System.err.println("AnnotatePageScreenshot " + missing);
            System.exit(1);
        }
        ChromeDriver driver = Browser.open(1100, 900);
        try {
            driver.get(args[0]);
            driver.executeScript("localStorage.clear()");
            driver.navigate().refresh();
            find(driver, "annotator-name").sendKeys(args.length > 2 ? args[2] : "ada");
            find(driver, "start").click();
            Browser.waiting(driver).until(d -> "false".equals(find(driver, "task").getAttribute("aria-busy")));
            find(driver, "face-0").click();
            Browser.waiting(driver).until(d -> find(driver, "canvas").isDisplayed());
            AnnotatePageBrowserTest.stroke(driver, find(driver, "canvas"), 0.3, 0.42, 0.4, 0.38, 0.5, 0.43, 0.62, 0.38,
                    0.7, 0.42);
            find(driver, "reason").sendKeys("the eyes do not match");
            // the body's own height: the document's is at least the viewport's, which would leave a blank band
            Number height = (Number) driver.executeScript(
                    "return Math.ceil(document.body.getBoundingClientRect().height)");
            Browser.viewport(driver, 1100, height.intValue(), false);
            Path file = Path.of(args[1]).resolve("annotate-page.png");
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
