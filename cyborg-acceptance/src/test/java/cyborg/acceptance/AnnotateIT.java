package cyborg.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code ./cyborg annotate} as a study runs it: annotators and a reviewer added, one annotator through the
 * JSON API and one through the page in headless Chromium, a restart on the same database with the data
 * root spelled relative instead of absolute that continues the open task, the database read with SQLite's
 * JDBC driver, {@code annotate export}, {@code train --maps} on the export, and {@code annotate import}.
 * The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnotateIT {
    private static final Path DIR = Product.WORK.resolve("annotate");
    private static final Path DB = DIR.resolve("annotations.db");
    private static final Path MAPS = DIR.resolve("maps");
    private static final int TRAINING_IMAGES = 32;
    private static Product.Started server;
    private static Http http;
    private static String adaToken;
    private static String reviewerToken;
    /** Saves each annotator made, as the server confirmed them. */
    private static final Map<String, Integer> SAVED = new HashMap<>();
    /** bob's task left open across the restart. */
    private static int openTask = -1;

    @AfterAll
    static void stop() {
        Product.stopAll();
    }

    @Test
    @Order(1)
    @Covers("annotate add-annotator")
    @Covers("annotate add-reviewer")
    void addsAnAnnotatorAndAReviewerWhoseTokensArePrinted() throws IOException {
        Fixture.data();
        Files.createDirectories(DIR);
        adaToken = token(Product.cyborg("add-annotator", "annotate", "add-annotator", "--db", DB.toString(), "ada"));
        reviewerToken = token(Product.cyborg("add-reviewer", "annotate", "add-reviewer", "--db", DB.toString(),
                "rita"));
        assertNotEquals(adaToken, reviewerToken);
    }

    @Test
    @Order(2)
    @Covers("annotate")
    void theApiSavesAMaskAndRefusesForgedOrStateChangingRequests() throws Exception {
        start(Fixture.CSV.toString(), Fixture.IMAGES.toString());
        Map<String, String> sameOrigin = Map.of("Origin", http.base);

        // state changes are POSTs with a JSON body: a GET, a text/plain body (a cross-site form or beacon can
        // send one without asking) and another page's Origin or Host change nothing
        HttpResponse<String> get = http.get("/api/v1/annotate/next?annotator=bob", Map.of());
        assertEquals(405, get.statusCode(), () -> "GET /next must not hand out a task: " + Http.describe(get));
        HttpResponse<String> plain = http.post(next("bob"), "text/plain", "{\"annotator\": \"bob\"}", sameOrigin);
        assertEquals(415, plain.statusCode(), () -> Http.describe(plain));
        HttpResponse<String> foreign = http.post(next("bob"), "application/json", "{\"annotator\": \"bob\"}",
                Map.of("Origin", "http://evil.example"));
        assertEquals(403, foreign.statusCode(), () -> Http.describe(foreign));
        HttpResponse<String> rebound = http.post(next("bob"), "application/json", "{\"annotator\": \"bob\"}",
                Map.of("Host", "evil.example:" + http.base.substring(http.base.lastIndexOf(':') + 1)));
        assertEquals(403, rebound.statusCode(), () -> "a foreign Host (DNS rebinding): " + Http.describe(rebound));

        JsonObject task = nextTask("bob");
        JsonArray images = task.getAsJsonArray("images");
        assertEquals(2, images.size(), task.toString());
        JsonObject chosen = images.get(0).getAsJsonObject();
        HttpResponse<byte[]> bytes = http.getBytes(chosen.get("url").getAsString(), Map.of());
        assertEquals(200, bytes.statusCode());
        BufferedImage face = ImageIO.read(new ByteArrayInputStream(bytes.body()));
        assertEquals(chosen.get("width").getAsInt(), face.getWidth());

        String save = saveBody("bob", task, chosen);
        HttpResponse<String> forged = http.post("/api/v1/annotations", "text/plain", save, sameOrigin);
        assertEquals(415, forged.statusCode(), () -> "a save sent as text/plain: " + Http.describe(forged));
        HttpResponse<String> crossSite = http.post("/api/v1/annotations", "application/json", save,
                Map.of("Origin", "http://evil.example"));
        assertEquals(403, crossSite.statusCode(), () -> "a save from another page: " + Http.describe(crossSite));
        HttpResponse<String> saved = http.post("/api/v1/annotations", "application/json", save, sameOrigin);
        assertEquals(200, saved.statusCode(), () -> Http.describe(saved));
        assertTrue(Http.json(saved).has("saved"), saved.body());
        SAVED.merge("bob", 1, Integer::sum);

        // the overview lists every image's label: a reviewer's, never an annotator's or nobody's
        HttpResponse<String> anonymous = http.get("/api/v1/annotate/overview", Map.of());
        assertEquals(401, anonymous.statusCode(), () -> Http.describe(anonymous));
        HttpResponse<String> annotator = http.get("/api/v1/annotate/overview", Map.of("X-Reviewer-Token", adaToken));
        assertTrue(annotator.statusCode() == 401 || annotator.statusCode() == 403, () -> Http.describe(annotator));
        HttpResponse<String> reviewer = overview();
        assertEquals(200, reviewer.statusCode(), () -> Http.describe(reviewer));

        openTask = nextTask("bob").get("task").getAsInt(); // left open across the restart below
    }

    @Test
    @Order(3)
    @Covers("annotate")
    void thePageSavesAStrokeAndKeepsAnUnsavedOneAcrossAReload() {
        ChromeDriver browser = Chromium.open();
        try {
            browser.get(http.base + "/");
            browser.executeScript("localStorage.clear(); sessionStorage.clear()");
            browser.navigate().refresh();
            Chromium.testId(browser, "annotator-name").sendKeys("ada");
            Chromium.testId(browser, "annotator-token").sendKeys(adaToken);
            Chromium.testId(browser, "start").click();

            awaitTask(browser);
            paint(browser);
            Chromium.testId(browser, "save").click();
            Chromium.waiting(browser).until(d -> Chromium.testId(browser, "status").getText().startsWith("Saved"));
            SAVED.merge("ada", 1, Integer::sum);
            Chromium.waiting(browser).until(d -> !Chromium.testId(browser, "save").isEnabled());

            awaitTask(browser);
            paint(browser);
            browser.navigate().refresh();
            awaitTask(browser);
            Chromium.waiting(browser).until(d -> Chromium.testId(browser, "save").isEnabled());
            Chromium.testId(browser, "save").click();
            Chromium.waiting(browser).until(d -> Chromium.testId(browser, "status").getText().startsWith("Saved"));
            SAVED.merge("ada", 1, Integer::sum);
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(4)
    @Covers("annotate")
    void aRestartWithTheDataRootSpelledRelativeContinuesTheOpenTask() throws Exception {
        assertTrue(openTask > 0, "needs the API step's open task");
        server.stop(Duration.ofSeconds(30));
        // the same data, spelled relative to the working folder (the repository root) instead of absolute
        start(Product.ROOT.relativize(Fixture.CSV).toString(), Product.ROOT.relativize(Fixture.IMAGES).toString());
        JsonObject task = nextTask("bob");
        assertEquals(openTask, task.get("task").getAsInt(), "the open task continues: " + task);
        HttpResponse<String> saved = http.post("/api/v1/annotations", "application/json",
                saveBody("bob", task, task.getAsJsonArray("images").get(1).getAsJsonObject()),
                Map.of("Origin", http.base));
        assertEquals(200, saved.statusCode(), () -> Http.describe(saved));
        SAVED.merge("bob", 1, Integer::sum);
        HttpResponse<String> overview = overview();
        assertEquals(200, overview.statusCode(), () -> Http.describe(overview));
    }

    @Test
    @Order(5)
    void theDatabaseHoldsEachSavedMaskOnceAndIsTheOwnersAlone() throws Exception {
        server.stop(Duration.ofSeconds(30));
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + DB);
             Statement sql = db.createStatement()) {
            assertEquals(TRAINING_IMAGES, one(sql, "SELECT COUNT(*) FROM images"),
                    "the restart added no image twice");
            for (Map.Entry<String, Integer> who : SAVED.entrySet()) {
                assertEquals(who.getValue(), one(sql, "SELECT COUNT(*) FROM annotations a JOIN annotators n"
                        + " ON a.annotator = n.id WHERE n.name = '" + who.getKey() + "' AND a.source = 'web'"), who.getKey());
            }
            try (ResultSet masks = sql.executeQuery("SELECT mask FROM annotations")) {
                while (masks.next()) {
                    BufferedImage mask = ImageIO.read(new ByteArrayInputStream(masks.getBytes(1)));
                    assertTrue(marked(mask) > 0, "a saved mask has painted pixels");
                }
            }
        }
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(DB), "the annotation database is the owner's alone (0600)");
    }

    @Test
    @Order(6)
    @Covers("annotate export")
    @Covers("train")
    void exportWritesTheMapsThatTrainMapsReads() throws Exception {
        Path jsonl = DIR.resolve("annotations.jsonl");
        Product.cyborg("annotate-export", "annotate", "export", "--db", DB.toString(), "--maps", MAPS.toString(),
                "--jsonl", jsonl.toString()).ok();
        int saved = SAVED.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(saved, CommandsIT.count(MAPS, ".png"), "a map per saved mask");
        assertTrue(Files.isRegularFile(MAPS.resolve("agreement.csv")));
        assertEquals(saved, Product.read(jsonl).lines().filter(l -> !l.isBlank()).count());

        Product.Run train = Product.cyborg("train-annotated", "train", "--csv", Fixture.CSV.toString(),
                "--images", Fixture.IMAGES.toString(), "--maps", MAPS.toString(), "--arch", "smallresnet",
                "--size", "64", "--epochs", "1", "--batch", "8", "--loss", "cyborg",
                "--out", DIR.resolve("run").toString()).ok();
        Matcher maps = Pattern.compile("human maps[^\\n]*?(\\d+) of " + TRAINING_IMAGES + " training images")
                .matcher(train.stdout() + train.stderr());
        assertTrue(maps.find(), train::describe);
        assertTrue(Integer.parseInt(maps.group(1)) >= 1, train::describe);
    }

    @Test
    @Order(7)
    @Covers("annotate import")
    void importAddsACocoPolygonToTheDatabase() throws Exception {
        String name;
        int width;
        int height;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + DB);
             Statement sql = db.createStatement();
             ResultSet image = sql.executeQuery("SELECT name, width, height FROM images ORDER BY id LIMIT 1")) {
            assertTrue(image.next());
            name = image.getString(1);
            width = image.getInt(2);
            height = image.getInt(3);
        }
        Path coco = Files.writeString(DIR.resolve("coco.json"), "{\"images\": [{\"id\": 1, \"file_name\": \"" + name
                + "\", \"width\": " + width + ", \"height\": " + height + "}], \"annotations\": [{\"id\": 1,"
                + " \"image_id\": 1, \"category_id\": 1, \"attributes\": {\"annotator\": \"cvat\"},"
                + " \"segmentation\": [[10, 10, 40, 10, 40, 40, 10, 40]]}], \"categories\": [{\"id\": 1, \"name\": \"salient\"}]}");
        Product.cyborg("annotate-import", "annotate", "import", "--db", DB.toString(), "--from", "coco",
                coco.toString()).ok();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + DB);
             Statement sql = db.createStatement()) {
            assertEquals(1, one(sql, "SELECT COUNT(*) FROM annotations WHERE source = 'coco'"));
        }
    }

    private static void start(String csv, String images) throws InterruptedException {
        int port = Http.freePort();
        server = Product.start("annotate", Product.launcher("annotate", "--csv", csv, "--images", images,
                "--split", "train", "--db", DB.toString(), "--port", String.valueOf(port)));
        http = new Http(port);
        http.awaitReady(server, "/", Duration.ofMinutes(2));
    }

    private static String next(String annotator) {
        return "/api/v1/annotate/next?annotator=" + annotator;
    }

    /** POST /next as the page sends it: JSON, from the server's own origin. */
    private static JsonObject nextTask(String annotator) throws Exception {
        HttpResponse<String> next = http.post(next(annotator), "application/json",
                "{\"annotator\": \"" + annotator + "\"}", Map.of("Origin", http.base));
        assertEquals(200, next.statusCode(), () -> Http.describe(next) + "\n" + server.tails());
        JsonObject task = Http.json(next);
        assertTrue(task.has("task"), task::toString);
        return task;
    }

    private static HttpResponse<String> overview() throws Exception {
        return http.get("/api/v1/annotate/overview", Map.of("X-Reviewer-Token", reviewerToken));
    }

    /** A pair-mode save choosing {@code chosen}, with a painted rectangle of its size. */
    private static String saveBody(String annotator, JsonObject task, JsonObject chosen) throws IOException {
        int width = chosen.get("width").getAsInt();
        int height = chosen.get("height").getAsInt();
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(width / 4, height / 4, width / 2, height / 4);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(mask, "png", png);
        JsonObject body = new JsonObject();
        body.addProperty("annotator", annotator);
        body.addProperty("task", task.get("task").getAsInt());
        JsonArray ids = new JsonArray();
        task.getAsJsonArray("images").forEach(i -> ids.add(i.getAsJsonObject().get("id").getAsInt()));
        body.add("images", ids);
        body.addProperty("choice", chosen.get("id").getAsInt());
        body.addProperty("mask", "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()));
        body.addProperty("ms_decide", 1200);
        body.addProperty("text", "acceptance");
        return body.toString();
    }

    private static void awaitTask(ChromeDriver browser) {
        Chromium.waiting(browser).until(d -> "false".equals(Chromium.testId(browser, "task").getAttribute("aria-busy")));
    }

    private static void paint(ChromeDriver browser) {
        Chromium.testId(browser, "face-0").click();
        Chromium.waiting(browser).until(d -> Chromium.testId(browser, "canvas").isDisplayed());
        Chromium.stroke(browser, Chromium.testId(browser, "canvas"), 0.3, 0.42, 0.5, 0.40, 0.7, 0.42);
        Chromium.waiting(browser).until(d -> Chromium.testId(browser, "save").isEnabled());
    }

    private static String token(Product.Run run) {
        run.ok();
        List<String> lines = run.stdout().lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        assertFalse(lines.isEmpty(), run::describe);
        String token = lines.get(lines.size() - 1);
        assertTrue(token.length() >= 16 && !token.contains(" "), run::describe);
        return token;
    }

    private static int one(Statement sql, String query) throws SQLException {
        try (ResultSet r = sql.executeQuery(query)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static int marked(BufferedImage mask) {
        int n = 0;
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                n += (mask.getRGB(x, y) & 0xff) >= 128 ? 1 : 0;
            }
        }
        return n;
    }
}
