package cyborg.cli;

import cyborg.model.LoadedModel;
import cyborg.model.SavedModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** Which model a command runs: a cyborg model folder, or a weight file (with its description, or --arch). */
final class ModelOptions {
    @Reads(files = {SavedModel.WEIGHTS, SavedModel.SIDECAR})
    @Option(names = "--model", required = true, paramLabel = "DIR|FILE",
            description = "A run folder of 'cyborg train' (or its model.safetensors), or a PyTorch/safetensors"
                    + " weight file: with its FILE.json description (from cyborg export), or with --arch.")
    Path model;

    @Mixin
    WeightFileOptions weights = new WeightFileOptions();

    @Mixin
    DeviceOptions device = new DeviceOptions();

    /** Loads the model, saying on stderr which defaults a weight file without a description was given. */
    LoadedModel open() throws IOException {
        LoadedModel loaded = LoadedModel.open(weights.request(model), device.device);
        if (loaded.model().note() != null) {
            System.err.println("note: " + loaded.model().note());
        }
        return loaded;
    }
}
