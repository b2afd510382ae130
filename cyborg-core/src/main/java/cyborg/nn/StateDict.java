package cyborg.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import cyborg.io.TensorData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a module's tensors to and from engine-independent {@link TensorData} under their
 * torchvision names, checking names and shapes.
 */
public final class StateDict {
    private static final NDIndex ALL = new NDIndex("...");

    private StateDict() {}

    /** A snapshot of every tensor of {@code module}. */
    public static Map<String, TensorData> of(Module module) {
        if (module.isFoldedForInference()) { // its convolutions hold their batch norms: not torchvision's weights
            throw new IllegalStateException("a network folded for inference has no state dict; save the one it was loaded from");
        }
        Map<String, TensorData> out = new LinkedHashMap<>();
        module.namedTensors().forEach((name, t) -> out.put(name, toData(t.array())));
        return out;
    }

    /** Engine array to raw data (float32 or int64). */
    public static TensorData toData(NDArray a) {
        long[] shape = a.getShape().getShape();
        if (a.getDataType() == DataType.INT64) {
            return TensorData.ofLongs(shape, a.toLongArray());
        }
        return TensorData.ofFloats(shape, a.toType(DataType.FLOAT32, false).toFloatArray());
    }

    /** A few of {@code keys} and how many: a whole network's keys would make an unreadable message. */
    private static String sample(List<String> keys) {
        int shown = Math.min(3, keys.size());
        return keys.size() + " (" + String.join(", ", keys.subList(0, shown))
                + (keys.size() > shown ? ", ..." : "") + ")";
    }

    /**
     * Loads {@code state} into {@code module} in place.
     *
     * @param strict fail on keys the module lacks (missing keys always fail)
     * @return keys of {@code state} that were ignored (non-strict only)
     * @throws IllegalArgumentException listing missing keys, unexpected keys and shape mismatches
     */
    public static List<String> load(Module module, Map<String, TensorData> state, boolean strict) {
        Map<String, Tensor> tensors = module.namedTensors();
        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            TensorData d = state.get(e.getKey());
            if (d == null) {
                missing.add(e.getKey());
            } else if (!java.util.Arrays.equals(d.shape(), e.getValue().array().getShape().getShape())) {
                mismatched.add(e.getKey() + " " + d.shapeText() + " vs expected "
                        + e.getValue().array().getShape());
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String k : state.keySet()) {
            if (!tensors.containsKey(k)) {
                unexpected.add(k);
            }
        }
        if (!missing.isEmpty() || !mismatched.isEmpty() || (strict && !unexpected.isEmpty())) {
            throw new IllegalArgumentException("weights do not fit the network:"
                    + (missing.isEmpty() ? "" : " missing " + sample(missing))
                    + (mismatched.isEmpty() ? "" : " shape mismatch " + sample(mismatched))
                    + (strict && !unexpected.isEmpty() ? " unexpected " + sample(unexpected) : ""));
        }
        tensors.forEach((name, t) -> copyInto(t.array(), state.get(name)));
        return unexpected;
    }

    /**
     * Overwrites {@code target} with {@code data}, converting to the target's type. Uses indexed
     * assignment: {@code NDArray.set(Buffer)} makes libtorch print a deprecation warning.
     */
    public static void copyInto(NDArray target, TensorData data) {
        try (NDManager scope = target.getManager().newSubManager()) {
            NDArray source = target.getDataType() == DataType.INT64
                    ? scope.create(data.dtype().equals("I64") ? data.longs() : toLongs(data.floats()), target.getShape())
                    : scope.create(data.floats(), target.getShape());
            target.set(ALL, source);
        }
    }

    private static long[] toLongs(float[] f) {
        long[] v = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = (long) f[i];
        }
        return v;
    }
}
