package cyborg.acceptance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The README's first command, in its quick form: benchmark, every method once, the report. */
class DemoIT {
    @AfterAll
    static void stop() {
        Product.stopAll();
    }

    @Test
    @Covers("demo")
    void theQuickDemoWritesItsReportAndResults() {
        Path out = Product.WORK.resolve("demo");
        // 15 minutes: a guard against a hang, not the budget (2.3 min on an idle 2-core machine)
        Product.Run demo = Product.run("demo-quick", Duration.ofMinutes(15),
                Product.launcher("demo", "--quick", "--out", out.toString())).ok();
        JsonObject results = CommandsIT.json(out.resolve("results.json"));
        assertTrue(results.has("claim") && results.has("config"), demo::describe);
        assertTrue(Product.read(out.resolve("report.md")).contains("cyborg+cf"), demo::describe);
        assertTrue(Files.isRegularFile(out.resolve("average-cams.png")), demo::describe);
    }
}
