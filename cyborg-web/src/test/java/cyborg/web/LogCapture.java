package cyborg.web;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * The server log while it runs: slf4j-simple (the tests' logger) writes to whatever System.err is
 * at each line, so swapping System.err captures it. Close restores it and echoes what was captured.
 */
final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    LogCapture() {
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    synchronized String text() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** Waits up to 5 s for a line matching {@code wanted} (access lines follow the answer); the log so far. */
    String await(Predicate<String> wanted) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < end) {
            if (text().lines().anyMatch(wanted)) {
                break;
            }
            Thread.sleep(20);
        }
        return text();
    }

    @Override
    public void close() {
        System.setErr(original);
        original.print(text());
    }
}
