package cyborg.io.torch;

import cyborg.io.AtomicFiles;
import cyborg.io.TensorData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads and writes PyTorch checkpoints ({@code torch.save} files) in pure Java, so that weights
 * trained with the Python reference can be loaded, and cyborg's weights handed back, without
 * running Python.
 *
 * <p>Only the zip format of PyTorch 1.6 and later is supported, and only state dicts: a mapping of
 * names to tensors. The pickle inside is read by a restricted unpickler that interprets
 * {@code collections.OrderedDict}, {@code torch._utils._rebuild_tensor_v2},
 * {@code torch._utils._rebuild_parameter} and the {@code torch.*Storage} types and never runs any
 * other code; any other class in the file is kept as an inert placeholder, which is an error only
 * where a tensor is expected.
 *
 * <p>Reading, in this order:
 * <ul>
 *   <li>the state dict is the top-level dict, unless that dict has one of the keys
 *       {@code state_dict}, {@code model_state_dict}, {@code model} (tried in this order) holding a
 *       dict, as training checkpoints like {@code {'state_dict': ..., 'epoch': 7}} do; other
 *       entries of such a checkpoint (epoch, optimizer, ...) are ignored;</li>
 *   <li>a leading {@code module.} (added by {@code nn.DataParallel}) is stripped from every key;</li>
 *   <li>views (slices, transposes, tensors sharing a storage) are copied out contiguous, row-major;</li>
 *   <li>float32, float16 and bfloat16 become {@code F32} (exactly); float64 becomes {@code F32}
 *       too, rounded to nearest, because cyborg's networks are float32 and its loaders take F32
 *       and I64 only ({@link #read(Path, boolean)} keeps it as {@code F64}); int64, int32, int16,
 *       int8, uint8 and bool become {@code I64}.</li>
 * </ul>
 *
 * <p>Writing produces what {@code torch.save} of an {@code OrderedDict} of CPU tensors produces
 * (PyTorch 1.13 layout: {@code archive/data.pkl}, {@code archive/byteorder},
 * {@code archive/data/<n>}, {@code archive/version} = 3, storages uncompressed and 64-byte
 * aligned), which {@code torch.load} reads, also with {@code weights_only=True}.
 */
public final class TorchCheckpoint {
    /** The folder inside the zip; PyTorch 2 always uses this name, 1.x the file's stem. */
    static final String ARCHIVE = "archive";
    /** Serialization format version PyTorch 1.6 to 2.x write. */
    static final String FORMAT_VERSION = "3";

    private TorchCheckpoint() {}

    /**
     * Reads the state dict of a {@code torch.save} file, keys in file order, with float64 narrowed
     * to float32.
     *
     * @throws IOException naming the file, if it is unreadable, not a zip-format checkpoint, or
     *     holds no state dict of supported tensors (the message says how to re-save it)
     */
    public static Map<String, TensorData> read(Path file) throws IOException {
        return read(file, false);
    }

    /**
     * Like {@link #read(Path)}, but with {@code keepFloat64} float64 tensors come back as
     * {@code F64}, bit for bit.
     */
    public static Map<String, TensorData> read(Path file, boolean keepFloat64) throws IOException {
        return TorchArchiveReader.read(file, keepFloat64);
    }

    /**
     * Writes {@code tensors} (F32, F64 or I64) as a state dict {@code torch.load} reads as an
     * {@code OrderedDict} in map order. Atomic: the file is complete or untouched.
     *
     * @throws IllegalArgumentException for another dtype or data whose length does not fit the shape
     */
    public static void write(Path file, Map<String, TensorData> tensors) throws IOException {
        for (Map.Entry<String, TensorData> e : tensors.entrySet()) {
            TensorData t = e.getValue();
            StorageType type = StorageType.forDtype(t.dtype());
            if (t.data().length != t.size() * type.size) {
                throw new IllegalArgumentException("tensor '" + e.getKey() + "' of shape " + Arrays.toString(t.shape())
                        + " has " + t.data().length + " bytes, not " + t.size() * type.size);
            }
        }
        byte[] pickle = StateDictPickler.pickle(tensors);
        AtomicFiles.write(file, out -> {
            try (AlignedZipWriter zip = new AlignedZipWriter(out)) {
                zip.add(ARCHIVE + "/data.pkl", pickle);
                zip.add(ARCHIVE + "/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
                int key = 0;
                for (TensorData t : tensors.values()) {
                    zip.add(ARCHIVE + "/data/" + key++, t.data());
                }
                zip.add(ARCHIVE + "/version", (FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        });
    }
}
