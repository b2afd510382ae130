package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The page at {@code /} in a real headless Chromium, against a real server with two tiny models:
 * what it shows must be what the API answers for the same file. Skipped (with the apt packages to
 * install) where Debian's chromium and chromium-driver are absent; CI installs them.
 */
class ScorePageBrowserTest {
    /**
     * Why the browser is missing, or null. Checked per test rather than in @BeforeAll: Surefire
     * reports a class skipped there as "Tests run: 0" and drops the message.
     */
    private static final String MISSING = Browser.missing();
    private static CyborgServer server;
    private static Client client;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        if (MISSING != null) {
            return; // each test is skipped below, with the reason
        }
        server = CyborgServer.start(ServeConfig.builder().model("alpha", TestModels.alpha())
                .model("beta", TestModels.beta()).port(0).build());
        client = new Client(server.port(), null);
        driver = Browser.open(1280, 900);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshPage() {
        assumeTrue(MISSING == null, () -> "browser test skipped: it " + MISSING);
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of()); // after the phone test
        Browser.openPage(driver, server.port(), 2);
    }

    /** The page's formatting: JavaScript's toFixed(3) rounds the double's exact value half up, as BigDecimal does here. */
    static String shown(double score) {
        return new BigDecimal(score).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void cardShowsTheApisScoreAndLabelPerModelAndTheOverlayFollowsTheControls(@TempDir Path dir) throws Exception {
        byte[] png = TestModels.png(48, 40, 7); // not square: the page stretches it as the model does
        Path face = Files.write(dir.resolve("face.png"), png);

        Browser.upload(driver, List.of(face));
        WebElement card = Browser.awaitCard(driver, "face.png");

        HttpResponse<String> api = client.post(Routes.SCORE, new Multipart().file("image", "face.png", png)
                .field("cam", "true"));
        assertEquals(200, api.statusCode(), api.body());
        List<WebElement> figures = card.findElements(By.cssSelector("[data-testid=model-result]"));
        assertEquals(2, figures.size(), card.getText());
        for (JsonElement e : Client.json(api).getAsJsonArray("results")) {
            JsonObject result = e.getAsJsonObject();
            WebElement figure = card.findElement(By.cssSelector("[data-model='" + result.get("model").getAsString() + "']"));
            assertEquals(shown(result.get("score").getAsDouble()), text(figure, "score"), result.toString());
            assertEquals(result.get("label").getAsString(), text(figure, "label"));
            WebElement overlay = figure.findElement(By.cssSelector("[data-testid=overlay]"));
            assertTrue(overlay.getAttribute("src").startsWith("data:image/png;base64,"), overlay.getAttribute("src"));
            assertFalse(overlay.getAttribute("alt").isBlank());
        }
        assertTrue(card.findElements(By.cssSelector("[data-testid=error]")).stream().noneMatch(WebElement::isDisplayed));

        // The slider, moved with the keyboard as a user would, sets every overlay's opacity.
        WebElement overlay = card.findElement(By.cssSelector("[data-testid=overlay]"));
        WebElement slider = driver.findElement(By.cssSelector("[data-testid=opacity]"));
        double start = Double.parseDouble(overlay.getCssValue("opacity"));
        assertTrue(start > 0 && start < 1, "the slider starts between its ends: " + start);
        slider.sendKeys(Keys.HOME);
        assertEquals("0", overlay.getCssValue("opacity"));
        slider.sendKeys(Keys.END);
        assertEquals("1", overlay.getCssValue("opacity"));

        // The toggle hides the overlays and brings them back (at opacity 1: Selenium counts 0 as hidden).
        WebElement toggle = driver.findElement(By.cssSelector("[data-testid=overlay-toggle]"));
        toggle.click();
        assertFalse(overlay.isDisplayed());
        toggle.click();
        assertTrue(overlay.isDisplayed());
    }

    @Test
    void aCorruptFileShowsTheServersErrorInItsOwnCard(@TempDir Path dir) throws Exception {
        byte[] junk = "this is not a PNG".getBytes(StandardCharsets.UTF_8);
        Path broken = Files.write(dir.resolve("broken.png"), junk);
        Path face = Files.write(dir.resolve("fine.png"), TestModels.png(32, 32, 3));

        Browser.upload(driver, List.of(broken, face));
        WebElement bad = Browser.awaitCard(driver, "broken.png");

        HttpResponse<String> api = client.post(Routes.SCORE, new Multipart().file("image", "broken.png", junk));
        assertEquals(400, api.statusCode(), api.body());
        WebElement error = bad.findElement(By.cssSelector("[data-testid=error]"));
        assertTrue(error.isDisplayed());
        assertEquals(Client.json(api).get("error").getAsString(), error.getText());
        assertTrue(bad.findElements(By.cssSelector("[data-testid=model-result]")).isEmpty());
        // the other file of the same pick is scored all the same
        WebElement good = Browser.awaitCard(driver, "fine.png");
        assertEquals(2, good.findElements(By.cssSelector("[data-testid=score]")).size(), good.getText());
    }

    @Test
    void atPhoneWidthCardsStackAndNothingScrollsSideways(@TempDir Path dir) throws Exception {
        Browser.viewport(driver, 360, 780, true);
        Browser.openPage(driver, server.port(), 2);
        Path a = Files.write(dir.resolve("a-rather-long-file-name-from-a-phone-camera-20250101.png"),
                TestModels.png(60, 80, 11));
        Path b = Files.write(dir.resolve("not-an-image.png"), new byte[] {1, 2, 3});

        Browser.upload(driver, List.of(a, b));
        WebElement first = Browser.awaitCard(driver, a.getFileName().toString());
        WebElement second = Browser.awaitCard(driver, b.getFileName().toString());

        assertEquals(360L, driver.executeScript("return window.innerWidth"));
        Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth");
        assertTrue(scrollWidth.intValue() <= 360, "the page is " + scrollWidth + " px wide at 360");
        assertEquals(first.getLocation().getX(), second.getLocation().getX(), "cards stack in one column");
    }

    @Test
    void aServerWithATokenAsksForItThenScoresWithIt(@TempDir Path dir) throws Exception {
        try (CyborgServer guarded = CyborgServer.start(ServeConfig.builder().model("alpha", TestModels.alpha())
                .port(0).token("s3cret").build())) {
            driver.get("http://127.0.0.1:" + guarded.port() + "/");
            WebElement form = driver.findElement(By.cssSelector("[data-testid=token-form]"));
            Browser.waiting(driver).until(d -> form.isDisplayed());
            assertTrue(text(form, "token-message").contains("Authorization: Bearer"), form.getText());

            form.findElement(By.cssSelector("[data-testid=token]")).sendKeys("s3cret", Keys.ENTER);
            Browser.waiting(driver).until(d -> d.findElements(By.cssSelector("[data-testid=model]")).size() == 1);
            assertFalse(form.isDisplayed());
            Browser.upload(driver, List.of(Files.write(dir.resolve("face.png"), TestModels.png(32, 32, 5))));
            WebElement card = Browser.awaitCard(driver, "face.png");
            assertEquals(1, card.findElements(By.cssSelector("[data-testid=score]")).size(), card.getText());
        }
    }

    private static String text(WebElement figure, String testId) {
        return figure.findElement(By.cssSelector("[data-testid=" + testId + "]")).getText();
    }
}
