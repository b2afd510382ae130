package cyborg.spark.sweep;

import cyborg.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The defining {@code cyborg train} options a run started training with, kept in its folder
 * ({@value #FILE}). An interrupted run resumes from its own saved settings, so without this a
 * grid changed between a kill and the rerun would be ignored for that run without a word; with
 * it the sweep refuses, as it does for a finished run whose options changed.
 */
final class StartedWith {
    static final String FILE = "sweep-args.json";

    private StartedWith() {}

    private static final class Saved {
        List<String> args;
    }

    /** Records {@code args} before the run's first training starts (atomically). */
    static void record(Path runDir, List<String> args) throws IOException {
        Saved s = new Saved();
        s.args = args;
        Files.createDirectories(runDir);
        Json.write(runDir.resolve(FILE), s);
    }

    /** The options the run started with, or null when it never started (or predates this file). */
    static List<String> read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Saved s = Json.read(file, Saved.class);
        return s == null ? null : s.args;
    }

    /**
     * Refuses a run whose folder was made with other options than {@code run} now has.
     *
     * @param made the options the folder was made with (null: nothing to compare)
     * @param where the file that says so, for the message
     */
    static void requireSame(List<String> made, RunSpec run, Path where) {
        if (made != null && !made.equals(run.definingArgs())) {
            throw new IllegalArgumentException(where + " says run " + run.id() + " was made with "
                    + String.join(" ", made) + ", but the grid now says " + String.join(" ", run.definingArgs())
                    + "; a changed grid needs another --out (or delete that run folder)");
        }
    }
}
