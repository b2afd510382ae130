package cyborg.io.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import cyborg.io.TensorData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TorchCheckpoint.write: exact round trips, the zip layout, and byte-identity with
 * written_by_java.pt, the file that was checked with torch.load (tools/golden/check_torch_load.py).
 */
class TorchCheckpointWriteTest {
    /** Set to a folder to regenerate written_by_java.pt and its expected JSON there. */
    private static final String REGENERATE = "cyborg.torch.golden";

    @TempDir
    Path dir;

    /** Awkward values and shapes: NaN, -0, infinities, subnormals, scalars, empties, 5-D, huge strides. */
    static Map<String, TensorData> tensors() {
        Map<String, TensorData> t = new LinkedHashMap<>();
        float[] conv = new float[2 * 3 * 2 * 2];
        for (int i = 0; i < conv.length; i++) {
            conv[i] = (float) Math.sin(i * 0.7) / 3;
        }
        t.put("conv1.weight", TensorData.ofFloats(new long[] {2, 3, 2, 2}, conv));
        t.put("fc.bias", TensorData.ofFloats(new long[] {7}, new float[] {Float.NaN, -0f, 0f,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE}));
        t.put("bn.num_batches_tracked", TensorData.ofLongs(new long[0], new long[] {42}));
        t.put("ids", TensorData.ofLongs(new long[] {4}, new long[] {Long.MIN_VALUE, -1, 1L << 40, Long.MAX_VALUE}));
        ByteBuffer d = ByteBuffer.allocate(3 * 8).order(ByteOrder.LITTLE_ENDIAN);
        d.putDouble(1.0 / 3).putDouble(1e300).putDouble(-Double.MIN_VALUE);
        t.put("double", new TensorData("F64", new long[] {3}, d.array()));
        t.put("five_d", TensorData.ofFloats(new long[] {1, 2, 1, 2, 1}, new float[] {1, 2, 3, 4}));
        t.put("scalar", TensorData.ofFloats(new long[0], new float[] {2.5f}));
        // empty, but with dimensions that need BININT and LONG1 in the pickle
        t.put("empty", TensorData.ofFloats(new long[] {0, 70_000, 3_000_000_000L}, new float[0]));
        t.put("layer.\u00e9t\u00e9", TensorData.ofFloats(new long[] {1}, new float[] {7})); // non-ASCII key
        return t;
    }

    static JsonObject expectation(Map<String, TensorData> tensors) {
        JsonObject o = new JsonObject();
        tensors.forEach((k, v) -> {
            JsonObject e = new JsonObject();
            e.addProperty("dtype", v.dtype());
            JsonArray shape = new JsonArray();
            for (long s : v.shape()) {
                shape.add(s);
            }
            e.add("shape", shape);
            e.addProperty("sha256", TorchCheckpointGoldenTest.sha256(v.data()));
            o.add(k, e);
        });
        return o;
    }

    @Test
    void writeThenReadRoundTripsExactly() throws IOException {
        Path f = dir.resolve("m.pt");
        TorchCheckpoint.write(f, tensors());
        Map<String, TensorData> back = TorchCheckpoint.read(f, true);
        assertEquals(new ArrayList<>(tensors().keySet()), new ArrayList<>(back.keySet()));
        tensors().forEach((k, want) -> {
            TensorData got = back.get(k);
            assertEquals(want.dtype(), got.dtype(), k);
            assertArrayEquals(want.shape(), got.shape(), k);
            assertArrayEquals(want.data(), got.data(), k);
        });
        // the default read narrows float64 like a (float) cast
        float[] narrowed = TorchCheckpoint.read(f).get("double").floats();
        assertArrayEquals(new float[] {(float) (1.0 / 3), Float.POSITIVE_INFINITY, -0f}, narrowed);
    }

    @Test
    void writesWhatTorchLoadWasCheckedToRead() throws IOException {
        String regenerate = System.getProperty(REGENERATE);
        if (regenerate != null) {
            TorchCheckpoint.write(Path.of(regenerate, "written_by_java.pt"), tensors());
            Files.writeString(Path.of(regenerate, "written_by_java.json"),
                    new GsonBuilder().setPrettyPrinting().create().toJson(expectation(tensors())));
        }
        Path f = dir.resolve("m.pt");
        TorchCheckpoint.write(f, tensors());
        assertArrayEquals(Files.readAllBytes(TorchCheckpointGoldenTest.golden("written_by_java.pt")), Files.readAllBytes(f),
                "the writer's output changed: regenerate with -D" + REGENERATE + "=<dir> and check the new file "
                + "with tools/golden/check_torch_load.py before replacing written_by_java.pt");
        String json = Files.readString(TorchCheckpointGoldenTest.golden("written_by_java.json"), StandardCharsets.UTF_8);
        assertEquals(expectation(tensors()), new com.google.gson.Gson().fromJson(json, JsonObject.class));
    }

    @Test
    void storagesAreStoredUncompressedAnd64ByteAligned() throws IOException {
        Path f = dir.resolve("m.pt");
        TorchCheckpoint.write(f, tensors());
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        int entries = 0;
        while (b.getInt(at) == 0x04034b50) { // walk the local file headers
            assertEquals(0, b.getShort(at + 8), "method STORED");
            int size = b.getInt(at + 18);
            int start = at + 30 + (b.getShort(at + 26) & 0xffff) + (b.getShort(at + 28) & 0xffff);
            assertEquals(0, start % 64, "entry " + entries + " starts at " + start);
            at = start + size;
            entries++;
        }
        assertEquals(3 + tensors().size(), entries); // data.pkl, byteorder, version and one storage each
    }

    @Test
    void replacesAnExistingFileAtomically() throws IOException {
        Path f = dir.resolve("m.pt");
        Files.writeString(f, "old");
        TorchCheckpoint.write(f, tensors());
        assertEquals(tensors().keySet(), TorchCheckpoint.read(f).keySet());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void refusesTensorsItCannotWrite() {
        Map<String, TensorData> bad = Map.of("x", new TensorData("F16", new long[] {1}, new byte[2]));
        assertThrows(IllegalArgumentException.class, () -> TorchCheckpoint.write(dir.resolve("a.pt"), bad));
        Map<String, TensorData> wrongLength = Map.of("x", new TensorData("F32", new long[] {2}, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> TorchCheckpoint.write(dir.resolve("b.pt"), wrongLength));
    }

    @Test
    void writesAndReadsAnEmptyStateDict() throws IOException {
        Path f = dir.resolve("empty.pt");
        TorchCheckpoint.write(f, Map.of());
        assertTrue(TorchCheckpoint.read(f).isEmpty());
    }
}
