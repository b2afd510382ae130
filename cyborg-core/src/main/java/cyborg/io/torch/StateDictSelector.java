package cyborg.io.torch;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the state dict inside what a checkpoint unpickled to: the object itself, or the value under
 * {@link #WRAPPER_KEYS} of a training checkpoint such as {@code {'state_dict': ..., 'epoch': 7}}.
 * Also strips the {@code module.} prefix that {@code nn.DataParallel} /
 * {@code DistributedDataParallel} add to every key.
 */
final class StateDictSelector {
    /** Keys tried in this order on a top-level dict; the first one holding a dict wins. */
    static final List<String> WRAPPER_KEYS = List.of("state_dict", "model_state_dict", "model");
    static final String DATA_PARALLEL_PREFIX = "module.";
    private static final String ADVICE = "save the weights with torch.save(model.state_dict(), path)";

    private StateDictSelector() {}

    /** The tensors of the state dict in {@code root}, keys without {@code module.}, in file order. */
    static Map<String, TensorRef> select(Object root) throws IOException {
        if (root instanceof OpaqueObject o) {
            throw new IOException("holds a whole " + o + ", not a state dict; cyborg reads only tensors: " + ADVICE);
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new IOException("holds " + TorchUnpickler.describe(root) + ", not a dict of tensors; " + ADVICE);
        }
        Map<?, ?> dict = top;
        String where = "the top-level dict";
        for (String key : WRAPPER_KEYS) {
            Object v = top.get(key);
            if (v instanceof Map<?, ?> m) {
                dict = m;
                where = "'" + key + "'";
                break;
            }
            if (v instanceof OpaqueObject o) {
                throw new IOException("key '" + key + "' holds a whole " + o + ", not a state dict; "
                        + "store model.state_dict() there instead");
            }
        }
        Map<String, TensorRef> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (!(e.getKey() instanceof String key) || !(e.getValue() instanceof TensorRef t)) {
                throw new IOException("entry " + TorchUnpickler.describe(e.getKey()) + " of " + where + " holds "
                        + TorchUnpickler.describe(e.getValue()) + ", not a tensor. Expected a state dict, either at "
                        + "the top level or under one of " + WRAPPER_KEYS + "; " + ADVICE);
            }
            String name = key.startsWith(DATA_PARALLEL_PREFIX) ? key.substring(DATA_PARALLEL_PREFIX.length()) : key;
            if (out.put(name, t) != null) {
                throw new IOException("holds both '" + name + "' and '" + DATA_PARALLEL_PREFIX + name
                        + "'; cannot strip the DataParallel prefix");
            }
        }
        return out;
    }
}
