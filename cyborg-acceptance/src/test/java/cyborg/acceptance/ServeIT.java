package cyborg.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code ./cyborg serve} on the suite's model, answered over HTTP by a Java client and through its page in
 * headless Chromium. Through the launcher's class path: on it, Spark's Servlet 5.0 once replaced the 6.0
 * Jetty 12 needs, and every request (this {@code /healthz} included) answered 500.
 */
class ServeIT {
    private static Product.Started server;
    private static Http http;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Path model = Fixture.model();
        int port = Http.freePort();
        server = Product.start("serve", Product.launcher("serve", "--model", "suite=" + model,
                "--model", "disagreeing=" + DisagreeingModel.folder(), "--port", String.valueOf(port)));
        http = new Http(port);
        http.awaitReady(server, "/healthz", Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            Product.stopAll();
        }
    }

    @Test
    @Covers("serve")
    void scoresAnUploadAsCyborgScoreDoesWithARequestIdAndAnAccessLogLine() throws Exception {
        HttpResponse<String> health = http.get("/healthz", Map.of());
        assertEquals("ok", Http.json(health).get("status").getAsString(), Http.describe(health));

        Path image = Fixture.testImages().get(0);
        HttpResponse<String> scored = http.postFile("/api/v1/score", "image", image.getFileName().toString(),
                Files.readAllBytes(image), Map.of("cam", "true", "model", "suite"));
        assertEquals(200, scored.statusCode(), Http.describe(scored));
        JsonObject result = Http.json(scored).getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals("suite", result.get("model").getAsString());
        assertEquals(Fixture.scores().get(image.toString()), result.get("score").getAsDouble(), 2e-6,
                "serve scores as cyborg score does: " + result.get("score"));
        assertTrue(List.of("Real", "Synthetic").contains(result.get("label").getAsString()), result.toString());
        String cam = result.get("cam").getAsString();
        assertTrue(cam.startsWith("data:image/png;base64,"), cam);
        BufferedImage map = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(cam.substring(cam.indexOf(',') + 1))));
        assertEquals(64, map.getWidth(), "the CAM upsampled to the model's input size");

        String id = scored.headers().firstValue("X-Request-Id").orElse("");
        assertFalse(id.isBlank(), "every answer carries X-Request-Id: " + scored.headers().map());
        // the access log is written once the answer is sent
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(server.stdout() + server.stderr()).contains(id) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertTrue((server.stdout() + server.stderr()).contains(id), () -> "an access log line names request " + id
                + "\n" + server.tails());
        assertFalse(server.stderr().contains("NNPACK"), () -> "libtorch's NNPACK warning is silenced\n"
                + server.tails());
    }

    @Test
    @Covers("serve")
    void theOpenInferenceProtocolAnswersAClientWrittenFromItsSpecification() throws Exception {
        HttpResponse<String> ready = http.get("/v2/health/ready", Map.of());
        assertEquals(200, ready.statusCode(), Http.describe(ready));
        assertTrue((server.stdout()).contains("listening at"), () -> "it says it listens before the models load\n"
                + server.tails());
        List<Path> images = Fixture.testImages().subList(0, 3);
        List<String> command = new ArrayList<>(List.of("python3", Product.ROOT.resolve("tools/oip/v2_client.py").toString(),
                "--url", http.base, "--model", "suite", "--cam", "--wait", "30"));
        images.forEach(p -> command.add(p.toString()));
        Product.Run client = Product.run("v2-client", Duration.ofMinutes(2), command).ok();
        List<String> lines = client.stdout().lines().toList();
        assertEquals(images.size(), lines.size(), client.stdout());
        for (int i = 0; i < images.size(); i++) {
            JsonObject line = com.google.gson.JsonParser.parseString(lines.get(i)).getAsJsonObject();
            assertEquals(images.get(i).toString(), line.get("file").getAsString());
            assertEquals(Fixture.scores().get(images.get(i).toString()), line.get("score").getAsDouble(), 2e-6,
                    "the protocol scores as cyborg score does: " + line);
            assertEquals("[1,64,64]", line.get("cam_shape").toString(), line.toString());
        }
    }

    @Test
    @Covers("serve")
    void theLabelIsTheArgmaxWhereTheScoreSaysOtherwise() throws Exception {
        for (Path image : Fixture.testImages().subList(0, 3)) {
            HttpResponse<String> scored = http.postFile("/api/v1/score", "image", image.getFileName().toString(),
                    Files.readAllBytes(image), Map.of("model", "disagreeing"));
            assertEquals(200, scored.statusCode(), Http.describe(scored));
            JsonObject result = Http.json(scored).getAsJsonArray("results").get(0).getAsJsonObject();
            assertTrue(result.get("score").getAsDouble() >= 0.5, result.toString());
            assertEquals("Real", result.get("label").getAsString(), "logits about (3, 1): the label is the class"
                    + " the model predicts (argmax), though sigmoid(logit[Synthetic]) >= 0.5: " + result);
        }
    }

    @Test
    @Covers("serve")
    void thePageShowsTheApisScoreAndLabelForADroppedFace() throws Exception {
        Path image = Fixture.testImages().get(1);
        HttpResponse<String> api = http.postFile("/api/v1/score", "image", image.getFileName().toString(),
                Files.readAllBytes(image), Map.of());
        assertEquals(200, api.statusCode(), Http.describe(api));
        List<JsonObject> expected = new ArrayList<>();
        Http.json(api).getAsJsonArray("results").forEach(e -> expected.add(e.getAsJsonObject()));
        assertEquals(2, expected.size(), api.body());

        browser = Chromium.open();
        browser.get(http.base + "/");
        Chromium.waiting(browser).until(d -> d.findElements(By.cssSelector("[data-testid=model]")).size() == 2);
        browser.findElement(By.cssSelector("[data-testid=file-input]")).sendKeys(image.toString());
        String name = image.getFileName().toString();
        By card = By.cssSelector("[data-testid=result-card][data-file='" + name + "']");
        Chromium.waiting(browser).until(d -> !d.findElements(card).isEmpty()
                && d.findElements(By.cssSelector("[data-testid=result-card][aria-busy=true]")).isEmpty());
        for (JsonObject result : expected) { // both models, the disagreeing one's label included
            WebElement figure = browser.findElement(card).findElement(By.cssSelector("[data-model='"
                    + result.get("model").getAsString() + "']"));
            String shown = new BigDecimal(result.get("score").getAsDouble()).setScale(3, RoundingMode.HALF_UP)
                    .toPlainString();
            assertEquals(shown, figure.findElement(By.cssSelector("[data-testid=score]")).getText());
            assertEquals(result.get("label").getAsString(), figure.findElement(By.cssSelector("[data-testid=label]"))
                    .getText());
            assertTrue(figure.findElement(By.cssSelector("[data-testid=overlay]")).getAttribute("src")
                    .startsWith("data:image/png;base64,"));
        }
    }
}
