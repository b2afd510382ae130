package cyborg.cli;

import cyborg.model.Architecture;
import picocli.CommandLine.Option;

/** How to read a bare weight file: its architecture, and whether keys the network lacks are refused. */
final class WeightFileOptions {
    @Option(names = "--arch", paramLabel = "NAME", completionCandidates = Choices.Architectures.class,
            description = "With a weight file: its architecture, one of ${COMPLETION-CANDIDATES}.")
    String arch;

    @Option(names = "--strict", defaultValue = "true", paramLabel = "true|false", arity = "1",
            description = "With a weight file: refuse keys the network lacks (default: ${DEFAULT-VALUE}).")
    boolean strict = true;

    /** The architecture given with --arch, or null for a model folder (which names its own). */
    Architecture architecture() {
        return arch == null ? null : Architecture.parse(arch);
    }
}
