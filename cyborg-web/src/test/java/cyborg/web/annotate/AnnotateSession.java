package cyborg.web.annotate;

import cyborg.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One annotator's session in headless Chromium against a running {@code cyborg annotate} server,
 * as a person would do it through the page: signs in as NAME, then for up to TASKS pairs picks the
 * first face, paints a stroke across its eyes and saves, waiting for "Saved" each time. Run by
 * {@code tools/acceptance/annotate-demo.sh}:
 * {@code java -cp CLASSPATH cyborg.web.annotate.AnnotateSession URL NAME TASKS}
 */
public final class AnnotateSession {
    private AnnotateSession() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: AnnotateSession URL NAME TASKS   (URL of a running 'cyborg annotate')");
            System.exit(2);
        }
        String missing = Browser.missing();
        if (missing != null) {
            System.err.println("AnnotateSession " + missing);
            System.exit(1);
        }
        int tasks = Integer.parseInt(args[2]);
        ChromeDriver driver = Browser.open(1100, 900);
        int saved = 0;
        try {
            driver.get(args[0]);
            driver.executeScript("localStorage.clear()");
            driver.navigate().refresh();
            find(driver, "annotator-name").sendKeys(args[1]);
            find(driver, "start").click();
            while (saved < tasks) {
                Browser.waiting(driver).until(d -> find(driver, "done").isDisplayed()
                        || "false".equals(find(driver, "task").getAttribute("aria-busy")));
                if (find(driver, "done").isDisplayed()) {
                    break;
                }
                find(driver, "face-0").click();
                Browser.waiting(driver).until(d -> find(driver, "canvas").isDisplayed());
                AnnotatePageBrowserTest.stroke(driver, find(driver, "canvas"), 0.3, 0.42, 0.5, 0.40, 0.7, 0.42);
                find(driver, "save").click();
                Browser.waiting(driver).until(d -> find(driver, "status").getText().startsWith("Saved"));
                saved++;
                // the next task has loaded once nothing is painted on it yet
                Browser.waiting(driver).until(d -> find(driver, "done").isDisplayed()
                        || !find(driver, "save").isEnabled());
            }
        } finally {
            driver.quit();
        }
        System.out.println(args[1] + ": saved " + saved + " annotation(s) through the page");
    }

    private static WebElement find(ChromeDriver driver, String testId) {
        return driver.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }
}
