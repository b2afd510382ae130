package cyborg.util;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar with rate and time left, drawn by {@code me.tongfei:progressbar}. On a
 * terminal it redraws in place five times a second; in a log (no console) it writes a line at
 * every quarter and at the end, so CI output stays short. The times in brackets are elapsed / left.
 */
public final class ProgressBar implements AutoCloseable {
    private static final int TERMINAL_REDRAW_MILLIS = 200;
    /** In a log a frame is rendered each tick but written only when it reaches a new quarter. */
    private static final int LOG_TICK_MILLIS = 1000;
    /** Width of a log line without the status: a log line is not cut to a terminal, so neither is the status. */
    private static final int LOG_WIDTH = 90;

    private final AtomicLong done = new AtomicLong();
    private volatile String status = "";
    private final me.tongfei.progressbar.ProgressBar bar;
    private final ClosedOnce consumer;

    /**
     * @param label what is being done
     * @param total units of work
     * @param unit what a unit is, for the rate (e.g. {@code img})
     * @param out where to draw (null draws nothing)
     */
    public ProgressBar(String label, long total, String unit, PrintStream out) {
        this(label, total, unit, out, System.console() != null);
    }

    /** @param terminal whether {@code out} redraws in place (else it is a log read line by line) */
    ProgressBar(String label, long total, String unit, PrintStream out, boolean terminal) {
        if (out == null) {
            bar = null;
            consumer = null;
            return;
        }
        long max = Math.max(1, total);
        consumer = new ClosedOnce(terminal ? new ConsoleProgressBarConsumer(out) : new QuarterLines(out, max));
        bar = new ProgressBarBuilder()
                .setTaskName(label)
                .setInitialMax(max)
                .setUnit(" " + unit, 1)
                .showSpeed(new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setStyle(ProgressBarStyle.ASCII) // CI logs and Windows consoles show neither colour codes nor blocks
                .setUpdateIntervalMillis(terminal ? TERMINAL_REDRAW_MILLIS : LOG_TICK_MILLIS)
                .setConsumer(consumer)
                .build();
    }

    /** Advances by {@code n} units and sets the status text shown after the bar (null keeps it). */
    public void step(long n, String statusText) {
        if (bar == null) {
            return;
        }
        done.addAndGet(n);
        if (statusText != null) {
            status = " " + statusText;
            bar.setExtraMessage(status);
        }
        bar.stepBy(n);
    }

    /** Draws the final state and ends the line. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            consumer.close();
        }
    }

    /**
     * Ends the bar exactly once. The library closes its consumer after the final frame, except when
     * the bar is closed before its first frame was drawn (a quick loop): then it draws the final frame
     * but never ends the line, and the next line printed would run on after the bar.
     */
    private static final class ClosedOnce implements ProgressBarConsumer {
        private final ProgressBarConsumer consumer;
        private boolean closed;

        ClosedOnce(ProgressBarConsumer consumer) {
            this.consumer = consumer;
        }

        @Override
        public int getMaxRenderedLength() {
            return consumer.getMaxRenderedLength();
        }

        @Override
        public void accept(String frame) {
            consumer.accept(frame);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                consumer.close();
            }
        }
    }

    /**
     * Writes a frame as a line when a new quarter is reached, and the last frame at the end: the
     * library's own console output rewrites one line with carriage returns, a frame a second,
     * which a log file or CI keeps as one ever-growing line.
     */
    private final class QuarterLines implements ProgressBarConsumer {
        private final PrintStream out;
        private final long max;
        private int lastQuarter;
        private String last;
        private long lastAt;
        private long writtenAt = -1;

        QuarterLines(PrintStream out, long max) {
            this.out = out;
            this.max = max;
        }

        @Override
        public int getMaxRenderedLength() {
            return LOG_WIDTH + status.length();
        }

        @Override
        public void accept(String frame) {
            last = frame;
            lastAt = Math.min(done.get(), max);
            int quarter = (int) (4 * lastAt / max);
            // the first frame says when the loop started (a log otherwise shows nothing of a
            // short loop until its first quarter); then one line per quarter reached
            if (writtenAt < 0 || quarter > lastQuarter) {
                lastQuarter = Math.max(lastQuarter, quarter);
                write();
            }
        }

        @Override
        public void close() {
            if (last != null && lastAt != writtenAt) {
                write();
            }
            out.flush();
        }

        private void write() {
            out.println(last);
            writtenAt = lastAt;
        }
    }
}
