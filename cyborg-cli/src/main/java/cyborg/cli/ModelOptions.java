package cyborg.cli;

import cyborg.model.Architecture;
import cyborg.model.LoadedModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** Which model a command runs: a cyborg model folder, or a weight file with its architecture. */
final class ModelOptions {
    @Option(names = "--model", required = true, paramLabel = "DIR|FILE",
            description = "A run folder of 'cyborg train' (or its model.safetensors), or a PyTorch/safetensors"
                    + " weight file with --arch.")
    Path model;

    @Option(names = "--arch", paramLabel = "NAME", completionCandidates = Choices.Architectures.class,
            description = "With a weight file: its architecture, one of ${COMPLETION-CANDIDATES}.")
    String arch;

    @Option(names = "--strict", defaultValue = "true", paramLabel = "true|false", arity = "1",
            description = "With a weight file: refuse keys the network lacks (default: ${DEFAULT-VALUE}).")
    boolean strict;

    @Mixin
    DeviceOptions device = new DeviceOptions();

    /** Loads the model. */
    LoadedModel open() throws IOException {
        return arch == null ? LoadedModel.open(model, device.device)
                : LoadedModel.open(model, Architecture.parse(arch), strict, device.device);
    }
}
