package cyborg.cli;

import cyborg.model.Architecture;
import cyborg.model.ModelRequest;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * How to read a weight file: its architecture and input size when it has no description
 * ({@code FILE.json}, written by {@code cyborg export}), and whether keys the network lacks are
 * refused. Given with a described file or a model folder, --arch and --size must agree with it.
 */
final class WeightFileOptions {
    @Option(names = "--arch", paramLabel = "NAME", completionCandidates = Choices.Architectures.class,
            description = "A weight file's architecture, one of ${COMPLETION-CANDIDATES}; needed when the file has no"
                    + " FILE.json description (cyborg export writes one), else it must agree with it.")
    String arch;

    @Option(names = "--size", paramLabel = "PX",
            description = "A weight file's input size when it has no FILE.json description (default: the"
                    + " architecture's native size); else it must agree with the description.")
    Integer size;

    @Option(names = "--strict", defaultValue = "true", paramLabel = "true|false", arity = "1",
            description = "With a weight file: refuse keys the network lacks (default: ${DEFAULT-VALUE}).")
    boolean strict = true;

    /** The architecture given with --arch, or null. */
    Architecture architecture() {
        return arch == null ? null : Architecture.parse(arch);
    }

    /**
     * What the command line asks of the model at {@code location}; a --size the architecture
     * cannot take is refused here, before anything loads.
     */
    ModelRequest request(Path location) {
        Architecture a = architecture();
        if (size != null) {
            if (a != null) {
                a.requireSize("--size", size);
            } else {
                cyborg.util.Ranges.within("--size", size, Architecture.MIN_SIZE, Architecture.MAX_SIZE, "");
            }
        }
        return new ModelRequest(location, a, size, strict);
    }
}
