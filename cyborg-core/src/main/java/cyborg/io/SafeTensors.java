package cyborg.io;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the safetensors format (an 8-byte little-endian header length, a JSON header
 * of dtype/shape/offsets, then the raw data), which PyTorch users load with
 * {@code safetensors.torch.load_file}. cyborg keeps its checkpoints in it.
 */
public final class SafeTensors {
    private static final long MAX_HEADER = 100L << 20;

    private SafeTensors() {}

    /** Writes the tensors in map order, atomically, with optional string metadata. */
    public static void write(Path file, Map<String, TensorData> tensors, Map<String, String> metadata) throws IOException {
        JsonObject header = new JsonObject();
        if (metadata != null && !metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            // sorted, so that equal content gives byte-identical files whatever the map's order
            new java.util.TreeMap<>(metadata).forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (Map.Entry<String, TensorData> e : tensors.entrySet()) {
            TensorData t = e.getValue();
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", t.dtype());
            JsonArray shape = new JsonArray();
            for (long d : t.shape()) {
                shape.add(d);
            }
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += t.data().length;
            offsets.add(offset);
            entry.add("data_offsets", offsets);
            header.add(e.getKey(), entry);
        }
        byte[] json = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8; // keeps the data 8-byte aligned, as the reference writer does
        byte[] headerBytes = new byte[padded];
        java.util.Arrays.fill(headerBytes, (byte) ' ');
        System.arraycopy(json, 0, headerBytes, 0, json.length);
        AtomicFiles.write(file, out -> {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            out.write(headerBytes);
            for (TensorData t : tensors.values()) {
                out.write(t.data());
            }
        });
    }

    /** Reads every tensor of {@code file}, in header order. */
    public static Map<String, TensorData> read(Path file) throws IOException {
        try {
            return readTensors(file);
        } catch (IOException e) {
            throw IoFaults.at(file, e);
        }
    }

    private static Map<String, TensorData> readTensors(Path file) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] lenBytes = in.readNBytes(8);
            if (lenBytes.length < 8) {
                throw new IOException(file + ": not a safetensors file (too short)");
            }
            long headerLen = ByteBuffer.wrap(lenBytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLen <= 0 || headerLen > MAX_HEADER) {
                throw new IOException(file + ": not a safetensors file (header length " + headerLen + ")");
            }
            byte[] json = in.readNBytes((int) headerLen);
            JsonObject header;
            try {
                header = new Gson().fromJson(new String(json, StandardCharsets.UTF_8).trim(), JsonObject.class);
            } catch (RuntimeException e) {
                throw new IOException(file + ": corrupt safetensors header: " + e.getMessage(), e);
            }
            byte[] data = in.readAllBytes();
            Map<String, TensorData> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : header.entrySet()) {
                if (e.getKey().equals("__metadata__")) {
                    continue;
                }
                JsonObject entry = e.getValue().getAsJsonObject();
                JsonArray shapeJson = entry.getAsJsonArray("shape");
                long[] shape = new long[shapeJson.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = shapeJson.get(i).getAsLong();
                }
                JsonArray offsets = entry.getAsJsonArray("data_offsets");
                long begin = offsets.get(0).getAsLong();
                long end = offsets.get(1).getAsLong();
                if (begin < 0 || end > data.length || begin > end) {
                    throw new IOException(file + ": tensor " + e.getKey() + " lies outside the file (truncated?)");
                }
                byte[] bytes = java.util.Arrays.copyOfRange(data, (int) begin, (int) end);
                out.put(e.getKey(), new TensorData(entry.get("dtype").getAsString(), shape, bytes));
            }
            return out;
        }
    }
}
