package cyborg.io.torch;

import cyborg.io.TensorData;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the zip layout of {@code torch.save} (PyTorch 1.6 and later): {@code <archive>/data.pkl},
 * the storages as {@code <archive>/data/<key>}, {@code <archive>/version} and, since PyTorch 2.1,
 * {@code <archive>/byteorder}. The archive folder is named after the saved file in 1.x and is
 * {@code archive} in newer versions, so it is found rather than assumed.
 */
final class TorchArchiveReader {
    private static final String RESAVE = "load it in PyTorch and save its state dict again with "
            + "torch.save(model.state_dict(), path) (PyTorch 1.6 or later)";

    private TorchArchiveReader() {}

    static Map<String, TensorData> read(Path file, boolean keepFloat64) throws IOException {
        rejectNonZip(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String prefix = archivePrefix(zip);
            ByteOrder order = byteOrder(zip, prefix);
            Map<String, byte[]> storages = new HashMap<>(); // tensors may share a storage: read each once
            Object root = TorchUnpickler.load(bytes(zip, prefix + "data.pkl"), pid -> storageRef(pid));
            Map<String, TensorRef> refs = StateDictSelector.select(root);
            Map<String, TensorData> out = new LinkedHashMap<>();
            for (Map.Entry<String, TensorRef> e : refs.entrySet()) {
                StorageRef s = e.getValue().storage();
                if (s.type() == null) {
                    throw new IOException("tensor '" + e.getKey() + "' has storage type " + s.typeName()
                            + ", which cyborg cannot read (float, double, half, bfloat16 and integer types only)");
                }
                byte[] data = storages.get(s.key());
                if (data == null) {
                    data = bytes(zip, prefix + "data/" + s.key());
                    if (data.length < s.numel() * s.type().size) {
                        throw new IOException("storage data/" + s.key() + " has " + data.length
                                + " bytes, fewer than its " + s.numel() + " " + s.type() + " elements (truncated?)");
                    }
                    storages.put(s.key(), data);
                }
                try {
                    out.put(e.getKey(), StridedCopy.copy(e.getValue(), data, order, keepFloat64));
                } catch (IllegalArgumentException | ArithmeticException x) {
                    throw new IOException("tensor '" + e.getKey() + "': " + x.getMessage(), x);
                }
            }
            return out;
        } catch (ZipException e) {
            throw new IOException(file + ": not a readable torch.save zip (" + e.getMessage()
                    + "); the file may be truncated or corrupt", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Recognises the formats that are not a zip at all, to say what to do instead of "bad zip". */
    private static void rejectNonZip(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        if (head.length == 4 && head[0] == 'P' && head[1] == 'K') {
            return;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] <= 5) {
            // the legacy format starts with a pickled magic number, then the pickle, then raw storages
            throw new IOException(file + ": legacy (pre-1.6, non-zip) torch.save format, which cyborg does not "
                    + "read; " + RESAVE);
        }
        throw new IOException(file + ": not a PyTorch checkpoint (torch.save writes a zip file; this one starts "
                + "with bytes " + hex(head) + ")");
    }

    /** The folder holding {@code data.pkl}, with its slash. */
    private static String archivePrefix(ZipFile zip) throws IOException {
        String prefix = null;
        boolean torchScript = false;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            String name = en.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && prefix == null && name.substring(slash + 1).equals("data.pkl")) {
                prefix = name.substring(0, slash + 1);
            }
            // torch.jit.save archives also have a data.pkl, but it pickles the scripted module
            torchScript |= name.endsWith("/constants.pkl") || name.contains("/code/");
        }
        if (torchScript) {
            throw new IOException("a TorchScript archive (torch.jit.save), not a torch.save checkpoint; "
                    + "save model.state_dict() with torch.save instead");
        }
        if (prefix == null) {
            throw new IOException("a zip without <archive>/data.pkl, so not a torch.save checkpoint");
        }
        return prefix;
    }

    private static ByteOrder byteOrder(ZipFile zip, String prefix) throws IOException {
        ZipEntry e = zip.getEntry(prefix + "byteorder");
        if (e == null) {
            return ByteOrder.LITTLE_ENDIAN; // files without the record predate it and came from little-endian hosts
        }
        String s = new String(bytes(zip, prefix + "byteorder"), StandardCharsets.US_ASCII).trim();
        switch (s) {
            case "little": return ByteOrder.LITTLE_ENDIAN;
            case "big": return ByteOrder.BIG_ENDIAN;
            default: throw new IOException("unknown byteorder record '" + s + "'");
        }
    }

    private static StorageRef storageRef(Object pid) throws IOException {
        if (!(pid instanceof List<?> t) || t.size() != 5 || !"storage".equals(t.get(0))) {
            throw new IOException("data.pkl has persistent id " + TorchUnpickler.describe(pid)
                    + "; expected ('storage', type, key, location, numel)");
        }
        Object type = t.get(1);
        String key = (String) t.get(2);
        String location = (String) t.get(3);
        long numel = (Long) t.get(4);
        if (key.contains("/") || key.contains("..")) {
            throw new IOException("data.pkl names storage '" + key + "', not a plain key");
        }
        if (type instanceof StorageType st) {
            return new StorageRef(st, st.toString(), key, location, numel);
        }
        return new StorageRef(null, String.valueOf(type), key, location, numel);
    }

    private static byte[] bytes(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new IOException("the archive lacks entry " + name + " (truncated or not written by torch.save?)");
        }
        if (e.getSize() > Integer.MAX_VALUE - 8) {
            throw new IOException("entry " + name + " has " + e.getSize() + " bytes, more than one Java array holds");
        }
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x ", x & 0xff));
        }
        return s.toString().trim();
    }
}
