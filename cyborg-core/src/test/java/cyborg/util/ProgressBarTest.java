package cyborg.util;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLogGetsAFewWholeLinesEndingWithTheCountRateTimesAndStatus() throws InterruptedException {
        try (ProgressBar bar = new ProgressBar("epoch 1/2", 40, "img", out, false)) {
            for (int i = 1; i <= 40; i++) {
                Thread.sleep(50); // two seconds: the one-second tick sees the bar halfway
                bar.step(1, "loss " + i);
            }
        }
        String log = printed();
        assertFalse(log.contains("\r"), log);
        List<String> lines = log.lines().toList();
        assertTrue(lines.size() >= 2 && lines.size() <= 6, "the first frame, a line per quarter reached and the last:\n"
                + log);
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("epoch 1/2 100% ["), last);
        assertTrue(last.matches(".*\\] 40/40 img \\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\) \\d+\\.\\d img/s loss 40"), last);
    }

    @Test
    void aLogLineKeepsALongStatusWhole() {
        String status = "loss 0.4123 (" + "term 0.1234, ".repeat(20) + "last 0.1)";
        try (ProgressBar bar = new ProgressBar("training", 3, "img", out, false)) {
            bar.step(3, status);
        }
        assertTrue(printed().strip().endsWith(status), printed());
    }

    @Test
    void aBarThatStopsShortStillEndsWithItsLastState() {
        try (ProgressBar bar = new ProgressBar("scoring", 10, "img", out, false)) {
            bar.step(1, null);
        }
        List<String> lines = printed().lines().toList();
        assertTrue(lines.size() <= 2, printed()); // the first frame, then the last state
        assertTrue(lines.get(lines.size() - 1).contains(" 1/10 img"), printed());
    }

    @Test
    void aTerminalRedrawsOneLineInPlaceAndEndsIt() {
        try (ProgressBar bar = new ProgressBar("scoring", 10, "img", out, true)) {
            bar.step(10, null);
        }
        String shown = printed();
        assertTrue(shown.startsWith("\r") && shown.endsWith(System.lineSeparator()), shown);
        assertEquals(1, shown.chars().filter(c -> c == '\n').count(), shown);
        String lastFrame = shown.substring(shown.lastIndexOf('\r') + 1);
        assertTrue(lastFrame.startsWith("scoring 100% ["), lastFrame);
    }
}
