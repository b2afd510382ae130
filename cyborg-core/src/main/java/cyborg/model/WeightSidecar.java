package cyborg.model;

import cyborg.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The description of a lone weight file ({@code .pth} or {@code .safetensors}): {@code FILE.json}
 * beside it ({@code cyborg.pth} → {@code cyborg.pth.json}), the same fields as a model folder's
 * {@code model.json} (architecture, input size, classes, mean/std, CAM layer and size, how it was
 * trained). {@code cyborg export} writes it; {@code import} and every {@code --model FILE} read it,
 * so a model trained at 32 px is not scored at its architecture's native size after a round trip.
 * One sidecar for both formats (rather than safetensors' own metadata) keeps one rule and one
 * reader, and a file PyTorch reads unchanged.
 */
public final class WeightSidecar {
    private WeightSidecar() {}

    /** Where the description of {@code weights} lives. */
    public static Path of(Path weights) {
        return weights.resolveSibling(weights.getFileName() + ".json");
    }

    /** Writes the description of {@code weights}, atomically. */
    public static void write(Path weights, ModelInfo info) throws IOException {
        Json.write(of(weights), info);
    }

    /**
     * The checked description of {@code weights}, or null when it has none. A description that is
     * there but damaged is an error naming it, never a silent fall back to defaults.
     */
    public static ModelInfo read(Path weights) throws IOException {
        Path sidecar = of(weights);
        if (!Files.exists(sidecar)) {
            return null;
        }
        ModelInfo info;
        try {
            info = Json.read(sidecar, ModelInfo.class);
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; restore " + sidecar.getFileName() + " from the export (cyborg"
                    + " export writes it), or delete it and pass --arch and --size", e);
        }
        SidecarCheck.fields(info, sidecar);
        return info;
    }
}
