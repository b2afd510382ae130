package cyborg.acceptance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromedriver, both named so that Selenium never runs Selenium
 * Manager (which would try to download a browser). The suite fails rather than skips without them: it
 * is what shows the pages work as shipped (.ci/run installs both).
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(60);
    /** Kept referenced so the level holds: no DevTools module matches the installed Chromium, and none is used. */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private Chromium() {
    }

    static ChromeDriver open() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the acceptance suite needs Debian's Chromium and its driver (" + BROWSER
                    + ", " + DRIVER + "): apt-get install chromium chromium-driver (.ci/run installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start; the others keep a headless
        // run from reaching the network or updating itself
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1100,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().withSilent(true).build();
        return new ChromeDriver(service, options);
    }

    static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, WAIT);
    }

    static WebElement testId(WebDriver driver, String id) {
        return driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    /** A stroke through the points (fractions of the element's width and height), with the mouse held down. */
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
}
