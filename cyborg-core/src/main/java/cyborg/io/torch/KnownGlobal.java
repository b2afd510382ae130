package cyborg.io.torch;

/**
 * The callables the unpickler understands (everything else becomes a {@link PickleGlobal}):
 * exactly what {@code torch.save} of a state dict refers to.
 */
enum KnownGlobal {
    /** {@code collections.OrderedDict}: a state dict and its {@code _metadata}. */
    ORDERED_DICT,
    /** {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])}. */
    REBUILD_TENSOR_V2,
    /** {@code torch._utils._rebuild_parameter(data, requires_grad, hooks)} (and {@code _with_state}). */
    REBUILD_PARAMETER;

    /** The known callable or storage type named {@code module.name}, else a {@link PickleGlobal}. */
    static Object resolve(String module, String name) {
        if (module.equals("collections") && name.equals("OrderedDict")) {
            return ORDERED_DICT;
        }
        if (module.equals("torch._utils")) {
            if (name.equals("_rebuild_tensor_v2")) {
                return REBUILD_TENSOR_V2;
            }
            if (name.equals("_rebuild_parameter") || name.equals("_rebuild_parameter_with_state")) {
                return REBUILD_PARAMETER;
            }
        }
        if (module.equals("torch") && name.endsWith("Storage")) {
            StorageType t = StorageType.byPickleName(name);
            if (t != null) {
                return t;
            }
        }
        return new PickleGlobal(module, name);
    }
}
