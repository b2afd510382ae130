package cyborg.io.torch;

/**
 * A storage named by a persistent id {@code ('storage', torch.XStorage, key, location, numel)}; its
 * bytes are the archive entry {@code data/<key>}.
 *
 * @param type element type, or null if cyborg cannot read it (then {@code typeName} says which)
 * @param typeName the storage class as written in the pickle, for messages
 * @param key archive entry name under {@code data/}
 * @param location device it was saved from ({@code cpu}, {@code cuda:0}); irrelevant here
 * @param numel number of elements
 */
record StorageRef(StorageType type, String typeName, String key, String location, long numel) {}
