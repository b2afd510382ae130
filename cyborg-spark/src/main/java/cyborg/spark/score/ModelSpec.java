package cyborg.spark.score;

import cyborg.model.Architecture;
import cyborg.model.LoadedModel;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Which model to score with, as every executor loads it: a cyborg model folder (or its
 * safetensors file), or a PyTorch/safetensors weight file with its architecture. The location
 * must be readable where the executors run (a local path in local mode or on a shared file system).
 *
 * @param location the model folder or weight file
 * @param arch the architecture of a weight file, or null for a cyborg model folder
 * @param strict with a weight file: refuse keys the network lacks
 */
public record ModelSpec(String location, String arch, boolean strict) implements Serializable {
    public ModelSpec {
        if (Locations.isUri(location)) {
            throw new IllegalArgumentException("--model " + location + ": a model is read from a path, not fetched from"
                    + " a URI; copy it to a path every executor can read (a shared file system, or the same local path"
                    + " on each machine)");
        }
    }

    /** A cyborg model folder. */
    public static ModelSpec folder(String location) {
        return new ModelSpec(location, null, true);
    }

    /** Loads the model on the CPU. */
    public LoadedModel open() throws IOException {
        Path path = Path.of(location);
        return arch == null ? LoadedModel.open(path) : LoadedModel.open(path, Architecture.parse(arch), strict);
    }
}
