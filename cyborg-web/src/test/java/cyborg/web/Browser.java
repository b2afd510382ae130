package cyborg.web;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Headless Chromium driving the page. Both binaries are Debian's, named explicitly: with the driver
 * given to the service, Selenium skips Selenium Manager, which would otherwise try to download a
 * driver and a browser (this machine and CI reach no such host). Public: the annotate page's test
 * (package cyborg.web.annotate) drives the same browser.
 */
public final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Every wait of the page: scoring a few images with tiny models takes well under a second. */
    static final Duration WAIT = Duration.ofSeconds(30);
    /**
     * Kept referenced so the level holds: the tests need no DevTools module for the installed
     * Chromium's version (they use chromedriver's own CDP command), so the warning about it is noise.
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private Browser() {
    }

    /** Null when both binaries are there, else why the browser tests cannot run and how to fix it. */
    public static String missing() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return null;
        }
        return "needs Debian's Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER + "): "
                + "apt-get install chromium chromium-driver (.ci/run installs them)";
    }

    public static ChromeDriver open(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start;
        // --disable-dev-shm-usage: containers often have a tiny /dev/shm.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().withSilent(true).build();
        return new ChromeDriver(service, options); // quit() also stops the service
    }

    /** Lays the page out at exactly {@code width} CSS px, as a phone would (a window can't be made that narrow). */
    public static void viewport(ChromeDriver driver, int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    public static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, WAIT);
    }

    /** Opens the page and waits until it lists {@code models} models. */
    static void openPage(WebDriver driver, int port, int models) {
        driver.get("http://127.0.0.1:" + port + "/");
        waiting(driver).until(d -> d.findElements(By.cssSelector("[data-testid=model]")).size() == models);
    }

    /** Picks the files through the page's file input, as a user's file dialog would. */
    static void upload(WebDriver driver, List<Path> files) {
        driver.findElement(By.cssSelector("[data-testid=file-input]")).sendKeys(
                files.stream().map(f -> f.toAbsolutePath().toString()).collect(Collectors.joining("\n")));
    }

    /** Waits until every card is answered (its results or its error), then returns the one for {@code file}. */
    static WebElement awaitCard(WebDriver driver, String file) {
        By card = By.cssSelector("[data-testid=result-card][data-file='" + file + "']");
        waiting(driver).until(d -> !d.findElements(card).isEmpty()
                && d.findElements(By.cssSelector("[data-testid=result-card][aria-busy=true]")).isEmpty());
        return driver.findElement(card);
    }
}
