package cyborg.cli;

import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.util.Ranges;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.List;

/** Which of the given images a command works on: the rows of one split, and at most N of them. */
final class SelectionOptions {
    /** Every row, whatever its split. */
    static final String ALL = "all";

    @Option(names = "--split", defaultValue = "test", paramLabel = "NAME",
            completionCandidates = Choices.SplitSelections.class,
            description = "Which CSV rows: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); a --folder is"
                    + " taken whole.")
    String split;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N images.")
    Integer limit;

    /** The selected images of {@code data}. */
    List<Sample> select(DataOptions data, SkipReport skips) throws IOException {
        if (limit != null) {
            Ranges.atLeast("--limit", limit, 1);
        }
        return data.select(skips, split, limit);
    }
}
