package cyborg.util;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar with rate and time left. On a terminal it redraws in place at most
 * ten times a second; in logs (no console) it prints a line at every quarter, so CI output
 * stays short.
 */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final String label;
    private final long total;
    private final String unit;
    private final PrintStream out;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private long done;
    private long lastDraw;
    private int lastQuarter;
    private String status = "";

    /**
     * @param label what is being done
     * @param total units of work
     * @param unit what a unit is, for the rate (e.g. {@code img})
     * @param out where to draw (null draws nothing)
     */
    public ProgressBar(String label, long total, String unit, PrintStream out) {
        this.label = label;
        this.total = Math.max(1, total);
        this.unit = unit;
        this.out = out;
        this.interactive = System.console() != null;
    }

    /** Advances by {@code n} units and sets the status text shown after the bar. */
    public synchronized void step(long n, String statusText) {
        done = Math.min(total, done + n);
        if (statusText != null) {
            status = statusText;
        }
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDraw > REDRAW_NANOS || done == total) {
                lastDraw = now;
                out.print("\r" + line() + "\u001b[K");
                out.flush();
            }
        } else {
            int quarter = (int) (4 * done / total);
            if (quarter > lastQuarter) {
                lastQuarter = quarter;
                out.println(line());
            }
        }
    }

    /** Units per second so far. */
    public synchronized double rate() {
        double seconds = (System.nanoTime() - started) / 1e9;
        return seconds > 0 ? done / seconds : 0;
    }

    private String line() {
        int filled = (int) (WIDTH * done / total);
        double rate = rate();
        long left = rate > 0 ? (long) ((total - done) / rate) : 0;
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d %.1f %s/s %s %s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, rate, unit,
                done == total ? "done in " + clock((long) ((System.nanoTime() - started) / 1e9)) : "eta " + clock(left),
                status).stripTrailing();
    }

    private static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** Ends the line on a terminal. */
    @Override
    public synchronized void close() {
        if (out != null && interactive) {
            out.println();
        }
    }
}
