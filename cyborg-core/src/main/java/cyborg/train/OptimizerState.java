package cyborg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import cyborg.io.TensorData;
import cyborg.nn.StateDict;

import java.util.LinkedHashMap;
import java.util.Map;

/** Per-parameter buffers of an optimiser (e.g. momentum), kept under the parameter's name. */
final class OptimizerState {
    private final String kind;
    private final NDManager manager;
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();

    OptimizerState(String kind, NDManager manager) {
        this.kind = kind;
        this.manager = manager;
    }

    NDArray get(String param) {
        return buffers.get(param);
    }

    /** A zero buffer shaped like {@code like}, created on first use. */
    NDArray getOrZeros(String param, NDArray like) {
        return buffers.computeIfAbsent(param, k -> manager.zeros(like.getShape(), like.getDataType()));
    }

    /** Stores a copy of {@code value} as the buffer of {@code param}. */
    void putCopy(String param, NDArray value) {
        NDArray copy = value.duplicate();
        copy.attach(manager);
        buffers.put(param, copy);
    }

    void saveTo(Map<String, TensorData> out) {
        buffers.forEach((name, b) -> out.put(kind + "." + name, StateDict.toData(b)));
    }

    void loadFrom(Map<String, TensorData> state, Map<String, NDArray> params) {
        buffers.values().forEach(NDArray::close);
        buffers.clear();
        String prefix = kind + ".";
        state.forEach((key, data) -> {
            if (key.startsWith(prefix)) {
                String param = key.substring(prefix.length());
                NDArray like = params.get(param);
                if (like == null) {
                    throw new IllegalArgumentException("optimizer state for unknown parameter " + param);
                }
                NDArray b = manager.zeros(like.getShape(), like.getDataType());
                StateDict.copyInto(b, data);
                buffers.put(param, b);
            }
        });
    }

    static Map<String, TensorData> newMap() {
        return new LinkedHashMap<>();
    }
}
