package cyborg.train;

import cyborg.io.Json;
import cyborg.io.SafeTensors;
import cyborg.io.TensorData;
import cyborg.model.CamNetwork;
import cyborg.nn.StateDict;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resumable state of a run after its last completed epoch: network tensors and optimiser
 * state in one safetensors file (optimiser keys prefixed {@code optimizer.}), progress in JSON.
 */
final class Checkpoint {
    private static final String OPTIMIZER = "optimizer.";

    private Checkpoint() {}

    static void save(RunFiles files, CamNetwork net, Optimizer optimizer, CheckpointState state)
            throws IOException {
        Map<String, TensorData> all = new LinkedHashMap<>(StateDict.of(net.module()));
        optimizer.state().forEach((k, v) -> all.put(OPTIMIZER + k, v));
        Files.createDirectories(files.checkpointWeights().getParent());
        SafeTensors.write(files.checkpointWeights(), all, Map.of("format", "pt"));
        Json.write(files.checkpointState(), state);
    }

    static CheckpointState restore(RunFiles files, CamNetwork net, Optimizer optimizer) throws IOException {
        CheckpointState state = Json.read(files.checkpointState(), CheckpointState.class);
        Map<String, TensorData> all = SafeTensors.read(files.checkpointWeights());
        Map<String, TensorData> model = new LinkedHashMap<>();
        Map<String, TensorData> opt = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(OPTIMIZER)) {
                opt.put(k.substring(OPTIMIZER.length()), v);
            } else {
                model.put(k, v);
            }
        });
        try {
            StateDict.load(net.module(), model, true);
            optimizer.loadState(opt);
        } catch (IllegalArgumentException e) {
            throw new IOException(files.checkpointWeights() + ": " + e.getMessage(), e);
        }
        return state;
    }
}
