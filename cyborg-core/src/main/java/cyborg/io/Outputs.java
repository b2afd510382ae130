package cyborg.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The check that a command's outputs are not its inputs: {@code score --csv in.csv --out in.csv}
 * would replace the split file with scores. Run before any work, so that nothing is computed only
 * to be refused, and nothing is overwritten.
 */
public final class Outputs {
    private Outputs() {}

    /** A file or folder a command reads or writes, with the option that named it. */
    public record Named(String option, Path path) {}

    /**
     * Refuses, naming both, any output that is the same file or folder as an input: the same path,
     * or the same file after links are resolved ({@link Files#isSameFile}, which also sees hard links).
     *
     * @throws IllegalArgumentException naming the output, the input and their options
     */
    public static void refuseInputs(List<Named> outputs, List<Named> inputs) {
        for (Named out : outputs) {
            for (Named in : inputs) {
                if (same(out.path(), in.path())) {
                    String same = out.path().equals(in.path()) ? "" : " " + in.path();
                    throw new IllegalArgumentException(out.path() + " is both an output (" + out.option()
                            + ") and an input (" + in.option() + same + "); writing it would overwrite the input:"
                            + " choose another output path");
                }
            }
        }
    }

    /**
     * Refuses, before any work, a run into a folder that holds outputs of an earlier run which this
     * run would not replace ({@code stale}, by name): left there, they would sit beside the new
     * outputs as if they were this run's (a parquet run into the folder of a csv run kept the old
     * {@code scores.csv}). Outputs are never deleted for the user; the message says what to do.
     *
     * @param folder the output folder as the user named it
     * @param option the option that named it
     * @param stale the names in {@code folder} of an earlier run's outputs that this run would not write
     * @param run what this run writes, in words (e.g. "this parquet run")
     * @throws IllegalArgumentException naming the folder and the stale outputs
     */
    public static void refuseStale(String folder, String option, List<String> stale, String run) {
        if (!stale.isEmpty()) {
            throw new IllegalArgumentException(folder + " (" + option + ") holds " + String.join(", ", stale)
                    + " of an earlier run, which " + run + " would not replace; remove " + (stale.size() == 1
                    ? "it" : "them") + " or choose another " + option);
        }
    }

    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        // An output that does not exist yet cannot be an existing input, whatever links lead to it.
        if (!Files.exists(a) || !Files.exists(b)) {
            return false;
        }
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(IoFaults.at(a, e));
        }
    }
}
