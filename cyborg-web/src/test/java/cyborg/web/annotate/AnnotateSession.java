package cyborg.web.annotate;

import cyborg.web.Browser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One annotator's session in headless Chromium against a running {@code cyborg annotate} server,
 * as a person would do it through the page: signs in as NAME; in a study, reads past the
 * instructions (Begin) and answers the practice pairs, going on after each one's feedback; then for
 * up to TASKS pairs picks a face, paints a stroke across its eyes and saves, waiting for "Saved" each
 * time. Options: {@code --synthetic-from DB} picks the face whose image is Synthetic, its label read
 * from the server's database (the page does not reveal it), so that every annotator masks the same
 * image of a pair (else the first face); {@code --skip N} skips the Nth task after practice with the
 * skip button (it counts as none of the TASKS); {@code --stroke-at Y} paints at height Y (a fraction of
 * the face, default 0.41). Run by {@code tools/acceptance/annotate-demo.sh} and
 * {@code tools/acceptance/annotate-study.sh}:
 * {@code java -cp CLASSPATH cyborg.web.annotate.AnnotateSession URL NAME TASKS [OPTIONS]}
 */
public final class AnnotateSession {
    private static final String USAGE = "usage: AnnotateSession URL NAME TASKS [--synthetic-from DB] [--skip N]"
            + " [--stroke-at Y]   (URL of a running 'cyborg annotate')";

    private AnnotateSession() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 3 || args.length % 2 == 0) {
            usage();
        }
        String labels = null;
        int skipAt = 0;
        double strokeAt = 0.41;
        for (int i = 3; i < args.length; i += 2) {
            switch (args[i]) {
                case "--synthetic-from" -> labels = args[i + 1];
                case "--skip" -> skipAt = Integer.parseInt(args[i + 1]);
                case "--stroke-at" -> strokeAt = Double.parseDouble(args[i + 1]);
                default -> usage();
            }
        }
        String missing = Browser.missing();
        if (missing != null) {
            System.err.println("AnnotateSession " + missing);
            System.exit(1);
        }
        int tasks = Integer.parseInt(args[2]);
        // read-only: the server owns the database; a reader in WAL mode neither blocks nor is blocked by it
        try (Connection db = labels == null ? null
                : DriverManager.getConnection("jdbc:sqlite:file:" + labels + "?mode=ro")) {
            ChromeDriver driver = Browser.open(1100, 900);
            try {
                System.out.println(args[1] + ": " + annotate(driver, args[0], args[1], tasks, db, skipAt, strokeAt));
            } finally {
                driver.quit();
            }
        }
    }

    private static void usage() {
        System.err.println(USAGE);
        System.exit(2);
    }

    /** Works through the page; says what was done. */
    private static String annotate(ChromeDriver driver, String url, String name, int tasks, Connection labels,
            int skipAt, double y) throws SQLException {
        driver.get(url);
        driver.executeScript("localStorage.clear(); sessionStorage.clear()");
        driver.navigate().refresh();
        find(driver, "annotator-name").sendKeys(name);
        find(driver, "start").click();
        int saved = 0;
        int practised = 0;
        int shown = 0; // tasks after practice, skipped or not
        boolean skipped = false;
        String last = "";
        while (saved < tasks) {
            String previous = last;
            // one of: the end, the study's instructions, a practice answer's feedback, a task not yet answered
            Browser.waiting(driver).until(d -> find(driver, "done").isDisplayed()
                    || find(driver, "study-intro").isDisplayed() || find(driver, "feedback").isDisplayed()
                    || (find(driver, "task").isDisplayed() && "false".equals(find(driver, "task").getAttribute("aria-busy"))
                    && !previous.equals(find(driver, "task").getAttribute("data-task"))));
            if (find(driver, "done").isDisplayed()) {
                break;
            }
            if (find(driver, "study-intro").isDisplayed()) {
                find(driver, "begin").click();
                continue;
            }
            if (find(driver, "feedback").isDisplayed()) {
                find(driver, "feedback-next").click();
                continue;
            }
            last = find(driver, "task").getAttribute("data-task");
            boolean practice = find(driver, "practice-label").isDisplayed();
            if (!practice && ++shown == skipAt) {
                find(driver, "reason").sendKeys("cannot tell them apart");
                find(driver, "skip").click();
                Browser.waiting(driver).until(d -> find(driver, "status").getText().startsWith("Skipped"));
                skipped = true;
                continue;
            }
            WebElement face = find(driver, "face-" + face(driver, labels));
            face.click();
            Browser.waiting(driver).until(d -> find(driver, "canvas").isDisplayed());
            AnnotatePageBrowserTest.stroke(driver, find(driver, "canvas"), 0.3, y, 0.5, y - 0.02, 0.7, y);
            find(driver, "save").click();
            if (practice) {
                Browser.waiting(driver).until(d -> find(driver, "feedback").isDisplayed());
                practised++;
            } else {
                Browser.waiting(driver).until(d -> find(driver, "status").getText().startsWith("Saved"));
                saved++;
            }
        }
        return (practised > 0 ? "answered " + practised + " practice pair(s), " : "") + "saved " + saved
                + " annotation(s)" + (skipped ? ", skipped 1 task" : "") + " through the page";
    }

    /** The face to pick: the Synthetic one when the labels are known, else the first. */
    private static int face(ChromeDriver driver, Connection labels) throws SQLException {
        if (labels == null) {
            return 0;
        }
        long first = Long.parseLong(find(driver, "face-0").getAttribute("data-image-id"));
        try (PreparedStatement q = labels.prepareStatement("SELECT label FROM images WHERE id = ?")) {
            q.setLong(1, first);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("image " + first + " is not in the database given: is it the"
                            + " server's --db?");
                }
                return "Synthetic".equals(r.getString(1)) ? 0 : 1;
            }
        }
    }

    private static WebElement find(ChromeDriver driver, String testId) {
        return driver.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }
}
