package cyborg.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 25's study through the launcher, on the embedded benchmark's training split with its human maps:
 * {@code ./cyborg annotate} with instructions, one practice pair, gold pairs, overlap 2 and two annotators
 * per image; two annotators work through the page in headless Chromium (instructions, practice with its
 * feedback, then tasks, always picking the synthetic face so both mask the same images; one skip); the
 * database is read with SQLite's JDBC driver; a reviewer rejects a mask through the review API;
 * {@code annotate export} leaves it out and {@code annotate report} gives agreement for every image two
 * people masked. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnotateStudyIT {
    private static final Path DIR = Product.WORK.resolve("annotate-study");
    private static final Path DB = DIR.resolve("study.db");
    private static final Path EXPORT = DIR.resolve("maps");
    private static final Path REPORT = DIR.resolve("report");
    /** A phrase of the study text that the page must show before the first task. */
    private static final String PHRASE = "paint the regions that gave the fake away";
    /** Work tasks each annotator saves: the second saves fewer, so every pair it is handed (its open one too)
     *  can still come from the first's under overlap 2. */
    private static final int FIRST_SAVES = 5;
    private static final int SECOND_SAVES = 4;
    private static final String FIRST = "ada";
    private static final String SECOND = "grace";

    private static String reviewerToken;
    private static Path instructions;
    private static Path goldList;
    private static Product.Started server;
    private static Http http;
    /** images.id to {path, label}, as the server registered them. */
    private static final Map<Long, String[]> IMAGES = new HashMap<>();
    private static final Set<Long> GOLD = new TreeSet<>();
    /** Tasks each annotator saw as gold (the page cannot tell; the gold list can). */
    private static final Map<String, Integer> GOLD_SEEN = new HashMap<>();
    /** The height (a fraction of the face) each annotator paints their stroke at. */
    private static final Map<String, Double> WHO_PAINTED = new HashMap<>();
    private static long skippedTask = -1;
    private static long rejected = -1;

    @AfterAll
    static void stop() {
        Product.stopAll();
    }

    @Test
    @Order(1)
    @Covers("annotate add-reviewer")
    void aReviewerAStudyTextAndAGoldListOfARealAndASyntheticImage() throws IOException {
        Fixture.data();
        Files.createDirectories(DIR);
        Product.Run added = Product.cyborg("study-add-reviewer", "annotate", "add-reviewer", "--db", DB.toString(),
                "lead").ok();
        List<String> lines = added.stdout().lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        assertFalse(lines.isEmpty(), added::describe);
        reviewerToken = lines.get(lines.size() - 1);
        assertTrue(reviewerToken.length() >= 16 && !reviewerToken.contains(" "), added::describe);

        instructions = Files.writeString(DIR.resolve("study.md"), "# Our study\n\nTwo faces: one is made by a GAN."
                + " Click it, then " + PHRASE + ".\n\nSkip a pair when you cannot decide.\n");
        // the training split's first Real and first Synthetic rows, as paths under the data root
        String real = null;
        String synthetic = null;
        for (String row : Product.read(Fixture.CSV).split("\n")) {
            String[] r = row.split(",", 3);
            if (r.length == 3 && r[0].equals("train")) {
                String path = r[2].startsWith("/") ? r[2].substring(1) : r[2];
                if (r[1].equals("Real") && real == null) {
                    real = path;
                } else if (r[1].equals("Synthetic") && synthetic == null) {
                    synthetic = path;
                }
            }
        }
        assertNotNull(real);
        assertNotNull(synthetic);
        goldList = Files.writeString(DIR.resolve("gold.txt"), "# the lead's gold pair\n" + real + "\n" + synthetic + "\n");
    }

    @Test
    @Order(2)
    @Covers("annotate")
    void twoAnnotatorsReadTheInstructionsPractiseAndMaskTheSameSyntheticImages() throws Exception {
        int port = Http.freePort();
        server = Product.start("annotate-study", Product.launcher("annotate", "--csv", Fixture.CSV.toString(),
                "--images", Fixture.IMAGES.toString(), "--split", "train", "--db", DB.toString(), "--per-image", "2",
                "--overlap", "2", "--practice", "1", "--gold", "0.3", "--gold-images", goldList.toString(),
                "--maps", Fixture.MAPS.toString(), "--instructions", instructions.toString(),
                "--port", String.valueOf(port)));
        http = new Http(port);
        http.awaitReady(server, "/", Duration.ofMinutes(2));
        Set<String> goldPaths = Set.copyOf(Product.read(goldList).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + DB);
             Statement sql = db.createStatement();
             ResultSet images = sql.executeQuery("SELECT id, path, label FROM images")) {
            while (images.next()) {
                IMAGES.put(images.getLong(1), new String[] {images.getString(2), images.getString(3)});
                if (goldPaths.contains(images.getString(2))) {
                    GOLD.add(images.getLong(1));
                }
            }
        }
        assertEquals(2, GOLD.size(), "both gold paths are images of the run: " + GOLD);

        annotate(FIRST, FIRST_SAVES, true);
        annotate(SECOND, SECOND_SAVES, false);
    }

    @Test
    @Order(3)
    void theDatabaseHasOverlapFirstPracticeApartTheSkipAndGoldAsGold() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + DB);
             Statement sql = db.createStatement()) {
            // overlap 2: every work image handed to the second annotator (its open task too) had been handed to the
            // first (its open task counts: it holds its images), except in the skipped task, whose images count
            // towards no annotator
            Set<Long> firstAnswered = ids(sql, "SELECT ti.image FROM task_images ti JOIN annotations a ON a.task ="
                    + " ti.task JOIN tasks t ON t.id = ti.task WHERE t.kind = 'work' AND " + by(FIRST, "t.annotator"));
            assertEquals(2 * FIRST_SAVES, firstAnswered.size(), "the first annotator's answered pairs: " + firstAnswered);
            Set<Long> firstHanded = ids(sql, "SELECT ti.image FROM task_images ti JOIN tasks t ON t.id = ti.task"
                    + " WHERE t.kind = 'work' AND t.id NOT IN (SELECT task FROM skips) AND " + by(FIRST, "t.annotator"));
            Set<Long> secondHanded = ids(sql, "SELECT ti.image FROM task_images ti JOIN tasks t ON t.id = ti.task"
                    + " WHERE t.kind = 'work' AND " + by(SECOND, "t.annotator"));
            assertTrue(secondHanded.size() >= 2 * SECOND_SAVES, secondHanded::toString);
            Set<Long> fresh = new TreeSet<>(secondHanded);
            fresh.removeAll(firstHanded);
            assertEquals(Set.of(), fresh, "work images the second annotator got while images handed to the first"
                    + " still had one annotator");

            // practice: one answer each, kept apart, never an annotation
            for (String who : List.of(FIRST, SECOND)) {
                assertEquals(1, one(sql, "SELECT COUNT(*) FROM practice_answers WHERE " + by(who, "annotator")), who);
                assertEquals(1, one(sql, "SELECT COUNT(*) FROM practice_answers p WHERE p.correct = 1 AND "
                        + by(who, "p.annotator")), who + " picked the synthetic face in practice");
            }
            assertEquals(0, one(sql, "SELECT COUNT(*) FROM annotations a JOIN tasks t ON t.id = a.task"
                    + " WHERE t.kind = 'practice'"), "practice answers are not annotations");

            // the skip: recorded with its reason, and no annotation of that task
            assertEquals(1, one(sql, "SELECT COUNT(*) FROM skips"));
            assertEquals(skippedTask, one(sql, "SELECT task FROM skips WHERE " + by(FIRST, "annotator")));
            try (ResultSet skip = sql.executeQuery("SELECT reason, ms_shown FROM skips")) {
                assertTrue(skip.next());
                assertEquals("cannot tell them apart", skip.getString(1));
                assertTrue(skip.getLong(2) >= 0);
            }
            assertEquals(0, one(sql, "SELECT COUNT(*) FROM annotations WHERE task = " + skippedTask));

            // gold: a task showing a gold image is of kind gold, and no work task shows one
            Set<Long> goldTasks = ids(sql, "SELECT DISTINCT ti.task FROM task_images ti WHERE ti.image IN ("
                    + join(GOLD) + ")");
            Set<Long> goldKind = ids(sql, "SELECT id FROM tasks WHERE kind = 'gold'");
            assertEquals(goldTasks, goldKind, "tasks with gold images are exactly the gold tasks");
            int goldSeen = GOLD_SEEN.values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(goldSeen, one(sql, "SELECT COUNT(*) FROM annotations a JOIN tasks t ON t.id = a.task"
                    + " WHERE t.kind = 'gold'"), "every gold pair the page showed was saved as gold: " + GOLD_SEEN);

            // both picked the synthetic face every time: every saved answer is right, and masks a Synthetic image
            assertEquals(FIRST_SAVES + SECOND_SAVES + goldSeen, one(sql, "SELECT COUNT(*) FROM annotations a"
                    + " JOIN images i ON i.id = a.image WHERE a.correct = 1 AND i.label = 'Synthetic'"
                    + " AND a.mask IS NOT NULL"));
        }
    }

    @Test
    @Order(4)
    void aReviewerRejectsOneOfTheMasksOfAnImageTwoPeopleMasked() throws Exception {
        long image;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + DB);
             Statement sql = db.createStatement();
             ResultSet r = sql.executeQuery("SELECT a.id, a.image FROM annotations a WHERE " + by(FIRST, "a.annotator")
                     + " AND a.image IN (SELECT image FROM annotations b WHERE " + by(SECOND, "b.annotator")
                     + ") ORDER BY a.id LIMIT 1")) {
            assertTrue(r.next(), "an image both annotators masked");
            rejected = r.getLong(1);
            image = r.getLong(2);
        }
        Map<String, String> reviewer = Map.of("X-Reviewer-Token", reviewerToken, "Origin", http.base);
        HttpResponse<String> list = http.get("/api/v1/annotate/review?by=image", reviewer);
        assertEquals(200, list.statusCode(), () -> Http.describe(list));
        JsonObject listed = Http.json(list);
        assertEquals(FIRST_SAVES + SECOND_SAVES + GOLD_SEEN.values().stream().mapToInt(Integer::intValue).sum(),
                listed.get("total").getAsInt(), list.body());
        assertEquals(0, listed.get("reviewed").getAsInt());

        HttpResponse<String> noReason = http.post("/api/v1/annotate/review", "application/json",
                "{\"annotation\": " + rejected + ", \"verdict\": \"reject\"}", reviewer);
        assertEquals(400, noReason.statusCode(), () -> "a rejection needs a reason: " + Http.describe(noReason));
        HttpResponse<String> verdict = http.post("/api/v1/annotate/review", "application/json",
                "{\"annotation\": " + rejected + ", \"verdict\": \"reject\", \"reason\": \"paints the background\"}",
                reviewer);
        assertEquals(200, verdict.statusCode(), () -> Http.describe(verdict));
        assertEquals(1, Http.json(verdict).get("rejected").getAsInt(), verdict.body());

        server.stop(Duration.ofSeconds(30));
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + DB);
             Statement sql = db.createStatement();
             ResultSet r = sql.executeQuery("SELECT verdict, reason, reviewer FROM reviews WHERE annotation = "
                     + rejected)) {
            assertTrue(r.next());
            assertEquals(List.of("reject", "paints the background", "lead"),
                    List.of(r.getString(1), r.getString(2), r.getString(3)), "image " + image);
            assertFalse(r.next());
        }
    }

    @Test
    @Order(5)
    @Covers("annotate export")
    void exportLeavesTheRejectedMaskOut() throws Exception {
        Product.cyborg("study-export", "annotate", "export", "--db", DB.toString(), "--maps", EXPORT.toString()).ok();
        int kept = 0;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + DB);
             Statement sql = db.createStatement();
             ResultSet r = sql.executeQuery("SELECT a.id, n.name, i.path FROM annotations a JOIN annotators n"
                     + " ON n.id = a.annotator JOIN images i ON i.id = a.image WHERE a.mask IS NOT NULL")) {
            while (r.next()) {
                String path = r.getString(3);
                Path map = EXPORT.resolve(r.getString(2)).resolve(path.substring(0, path.lastIndexOf('.')) + ".png");
                if (r.getLong(1) == rejected) {
                    assertFalse(Files.exists(map), "the rejected mask is left out: " + map);
                } else {
                    assertTrue(Files.isRegularFile(map), "a kept mask is exported: " + map);
                    kept++;
                }
            }
        }
        assertEquals(kept, CommandsIT.count(EXPORT, ".png"), "a map per kept mask, nothing else");
    }

    @Test
    @Order(6)
    @Covers("annotate report")
    void theReportGivesAgreementForEveryImageTwoPeopleMaskedAndItsFigures() throws Exception {
        Product.cyborg("study-report", "annotate", "report", "--db", DB.toString(), "--out", REPORT.toString(),
                "--images", Fixture.IMAGES.toString(), "--maps", Fixture.MAPS.toString()).ok();
        // from the database alone: images with masks (not rejected) from two annotators
        Set<Long> twoPeople;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + DB);
             Statement sql = db.createStatement()) {
            twoPeople = ids(sql, "SELECT a.image FROM annotations a WHERE a.mask IS NOT NULL AND COALESCE((SELECT"
                    + " r.verdict FROM reviews r WHERE r.annotation = a.id ORDER BY r.id DESC LIMIT 1), '') <> 'reject'"
                    + " GROUP BY a.image HAVING COUNT(DISTINCT a.annotator) >= 2");
        }
        assertFalse(twoPeople.isEmpty(), "the study has images masked by two people");

        JsonObject report = JsonParser.parseString(Product.read(REPORT.resolve("report.json"))).getAsJsonObject();
        Map<Long, JsonObject> agreement = new TreeMap<>();
        for (JsonElement e : report.getAsJsonObject("agreement").getAsJsonArray("images")) {
            JsonObject row = e.getAsJsonObject();
            if (row.get("masks").getAsInt() >= 2) {
                agreement.put(row.get("id").getAsLong(), row);
            }
        }
        assertEquals(twoPeople, agreement.keySet(), "the report's images with agreement are those two people masked");
        for (JsonObject row : agreement.values()) {
            assertFalse(row.get("iou").isJsonNull(), row::toString);
            assertFalse(row.get("ssim").isJsonNull(), row::toString);
            double iou = row.get("iou").getAsDouble();
            assertTrue(iou > 0 && iou <= 1, () -> "strokes across the same face overlap: " + row);
        }
        assertEquals(twoPeople.size(), report.getAsJsonObject("agreement").get("images_with_two_or_more_masks").getAsInt());
        assertEquals(1, report.get("rejected_left_out").getAsInt());

        String md = Product.read(REPORT.resolve("report.md"));
        assertTrue(md.startsWith("# Annotation study report"), md);
        assertTrue(md.contains("Images with 2+ masks: " + twoPeople.size()), md);
        List<String> figures = new ArrayList<>();
        report.getAsJsonArray("figures").forEach(f -> figures.add(f.getAsString()));
        assertTrue(figures.containsAll(List.of("agreement-iou.png", "agreement-ssim.png")), figures::toString);
        for (String figure : figures) {
            assertTrue(Files.size(REPORT.resolve(figure)) > 0, figure);
        }
    }

    // ---------------------------------------------------------------- one annotator through the page

    /**
     * {@code who} signs in, reads the instructions, answers the practice pair (picking the synthetic face),
     * then saves {@code saves} work tasks picking the synthetic face each time (gold pairs, which the page does
     * not tell apart, are answered the same way and counted apart); {@code skip}: skips the second work task.
     */
    private static void annotate(String who, int saves, boolean skip) {
        ChromeDriver browser = Chromium.open(); // a fresh profile: nothing remembered from another annotator
        try {
            browser.get(http.base + "/");
            Chromium.waiting(browser).until(d -> Chromium.testId(browser, "sign-in").isDisplayed());
            Chromium.testId(browser, "annotator-name").sendKeys(who);
            Chromium.testId(browser, "start").click();

            Chromium.waiting(browser).until(d -> Chromium.testId(browser, "study-intro").isDisplayed());
            assertTrue(Chromium.testId(browser, "instructions-text").getText().contains(PHRASE),
                    () -> Chromium.testId(browser, "instructions-text").getText());
            assertFalse(Chromium.testId(browser, "task").isDisplayed(), "no task before Begin");
            Chromium.testId(browser, "begin").click();

            String task = awaitTask(browser, "");
            assertEquals("Practice 1 of 1", Chromium.testId(browser, "practice-label").getText());
            pickSyntheticAndPaint(browser, who);
            Chromium.testId(browser, "save").click();
            Chromium.waiting(browser).until(d -> Chromium.testId(browser, "feedback").isDisplayed());
            assertEquals("right", Chromium.testId(browser, "feedback-verdict").getAttribute("data-verdict"));
            // practice images are those with maps: the benchmark's human maps are laid over both faces
            for (int face = 0; face < 2; face++) {
                WebElement map = Chromium.testId(browser, "feedback-map-" + face);
                Chromium.waiting(browser).until(d -> (Boolean) browser.executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", map));
            }
            Chromium.testId(browser, "feedback-next").click();

            int saved = 0;
            boolean skipped = !skip;
            while (saved < saves) {
                task = awaitTask(browser, task);
                assertFalse(Chromium.testId(browser, "practice-label").isDisplayed(), "one practice pair only");
                boolean gold = GOLD.contains(imageOf(browser, 0));
                if (!skipped && saved == 1 && !gold) {
                    skippedTask = Long.parseLong(task);
                    Chromium.testId(browser, "reason").sendKeys("cannot tell them apart");
                    Chromium.testId(browser, "skip").click();
                    Chromium.waiting(browser).until(d -> Chromium.testId(browser, "status").getText()
                            .startsWith("Skipped"));
                    skipped = true;
                    continue;
                }
                pickSyntheticAndPaint(browser, who);
                Chromium.testId(browser, "save").click();
                Chromium.waiting(browser).until(d -> Chromium.testId(browser, "status").getText().startsWith("Saved"));
                if (gold) {
                    GOLD_SEEN.merge(who, 1, Integer::sum);
                } else {
                    saved++;
                }
            }
            awaitTask(browser, task); // the next one is handed out (and left open): it too follows overlap 2
        } finally {
            browser.quit();
        }
    }

    /** Waits until a task other than {@code previous} is on screen and loaded; returns its id. */
    private static String awaitTask(ChromeDriver browser, String previous) {
        Chromium.waiting(browser).until(d -> {
            WebElement task = Chromium.testId(browser, "task");
            return task.isDisplayed() && "false".equals(task.getAttribute("aria-busy"))
                    && !previous.equals(task.getAttribute("data-task"))
                    && !browser.findElements(By.cssSelector("[data-testid='face-1']")).isEmpty();
        });
        return Chromium.testId(browser, "task").getAttribute("data-task");
    }

    private static long imageOf(ChromeDriver browser, int face) {
        return Long.parseLong(Chromium.testId(browser, "face-" + face).getAttribute("data-image-id"));
    }

    /** Picks the face whose image is Synthetic (known from the database; the page does not say) and paints on it. */
    private static void pickSyntheticAndPaint(ChromeDriver browser, String who) {
        int face = "Synthetic".equals(IMAGES.get(imageOf(browser, 0))[1]) ? 0 : 1;
        assertEquals("Synthetic", IMAGES.get(imageOf(browser, face))[1], "a pair shows one Synthetic image");
        Chromium.testId(browser, "face-" + face).click();
        Chromium.waiting(browser).until(d -> Chromium.testId(browser, "canvas").isDisplayed());
        // each annotator a little lower than the one before, so their masks overlap in part, as people's do
        double y = WHO_PAINTED.computeIfAbsent(who, k -> 0.40 + 0.04 * WHO_PAINTED.size());
        Chromium.stroke(browser, Chromium.testId(browser, "canvas"), 0.3, y, 0.5, y - 0.02, 0.7, y);
        Chromium.waiting(browser).until(d -> Chromium.testId(browser, "save").isEnabled());
    }

    // ---------------------------------------------------------------- SQL

    /** A condition: the column is the annotator named {@code who}. */
    private static String by(String who, String column) {
        return column + " = (SELECT id FROM annotators WHERE name = '" + who + "')";
    }

    private static String join(Set<Long> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }

    private static Set<Long> ids(Statement sql, String query) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (ResultSet r = sql.executeQuery(query)) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }

    private static long one(Statement sql, String query) throws SQLException {
        try (ResultSet r = sql.executeQuery(query)) {
            assertTrue(r.next(), query);
            return r.getLong(1);
        }
    }
}
