package cyborg.io.torch;

/**
 * A tensor as {@code _rebuild_tensor_v2} describes it: a strided view into a storage, possibly
 * shared with other tensors and possibly not contiguous.
 *
 * @param storage the storage it views
 * @param offset first element, in elements
 * @param size dimensions
 * @param stride step per dimension, in elements
 */
record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {}
