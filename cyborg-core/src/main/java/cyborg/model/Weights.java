package cyborg.model;

import cyborg.io.IoFaults;
import cyborg.io.SafeTensors;
import cyborg.io.TensorData;
import cyborg.io.torch.TorchCheckpoint;
import cyborg.nn.StateDict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weights from outside cyborg: PyTorch checkpoints ({@code torch.save}, bare state dicts or the
 * reference's {@code {'state_dict': ...}}, DataParallel's {@code module.} and the reference
 * Xception wrapper's {@code model.} prefixes stripped) and safetensors files, loaded strictly or
 * as an ImageNet backbone under a fresh 2-way head.
 */
public final class Weights {
    private Weights() {}

    /** Reads a {@code .safetensors} file or a {@code torch.save} file ({@code .pth}, {@code .pt}, ...). */
    public static Map<String, TensorData> read(Path file) throws IOException {
        Map<String, TensorData> state;
        try {
            state = file.toString().toLowerCase(Locale.ROOT).endsWith(".safetensors")
                    ? SafeTensors.read(file) : TorchCheckpoint.read(file);
        } catch (IOException e) {
            throw IoFaults.at(file, e); // e.g. a folder given: the zip reader does not name it
        }
        return stripCommonPrefix(state, "model.");
    }

    static Map<String, TensorData> stripCommonPrefix(Map<String, TensorData> state, String prefix) {
        if (state.isEmpty() || !state.keySet().stream().allMatch(k -> k.startsWith(prefix))) {
            return state;
        }
        Map<String, TensorData> out = new LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k.substring(prefix.length()), v));
        return out;
    }

    /**
     * Loads a whole 2-way model.
     *
     * @param strict refuse keys the network lacks (missing keys and shape mismatches always fail)
     * @return ignored keys (non-strict)
     */
    public static List<String> load(CamNetwork net, Map<String, TensorData> state, Path file, boolean strict)
            throws IOException {
        try {
            return StateDict.load(net.module(), state, strict);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage()
                    + (strict ? " (pass --strict false to ignore unexpected keys)" : ""), e);
        }
    }

    /**
     * Loads an ImageNet checkpoint as the backbone: every tensor but the classifier head, which
     * keeps its fresh 2-way initialisation.
     */
    public static void loadBackbone(CamNetwork net, Architecture arch, Map<String, TensorData> state, Path file)
            throws IOException {
        Map<String, TensorData> backbone = new LinkedHashMap<>(state);
        String head = arch.headName() + ".";
        backbone.keySet().removeIf(k -> k.startsWith(head));
        StateDict.of(net.module()).forEach((k, v) -> {
            if (k.startsWith(head)) {
                backbone.put(k, v);
            }
        });
        load(net, backbone, file, true);
    }
}
