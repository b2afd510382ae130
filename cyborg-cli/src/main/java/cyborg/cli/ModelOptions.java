package cyborg.cli;

import cyborg.model.LoadedModel;
import cyborg.model.SavedModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** Which model a command runs: a cyborg model folder, or a weight file with its architecture. */
final class ModelOptions {
    @Reads(files = {SavedModel.WEIGHTS, SavedModel.SIDECAR})
    @Option(names = "--model", required = true, paramLabel = "DIR|FILE",
            description = "A run folder of 'cyborg train' (or its model.safetensors), or a PyTorch/safetensors"
                    + " weight file with --arch.")
    Path model;

    @Mixin
    WeightFileOptions weights = new WeightFileOptions();

    @Mixin
    DeviceOptions device = new DeviceOptions();

    /** Loads the model. */
    LoadedModel open() throws IOException {
        return weights.arch == null ? LoadedModel.open(model, device.device)
                : LoadedModel.open(model, weights.architecture(), weights.strict, device.device);
    }
}
