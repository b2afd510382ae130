package cyborg.io.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import cyborg.io.TensorData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads files written by PyTorch 1.13's torch.save (tools/golden/make_torch_golden.py) and compares
 * every tensor bit for bit with what Python recorded in expected.json.
 */
class TorchCheckpointGoldenTest {
    @TempDir
    Path dir;

    static Path golden(String name) {
        try {
            return Path.of(TorchCheckpointGoldenTest.class.getResource("/cyborg/io/torch/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing golden file " + name, e);
        }
    }

    static JsonObject expected() throws IOException {
        try (InputStream in = Files.newInputStream(golden("expected.json"))) {
            return new Gson().fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), JsonObject.class);
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertMatches(String file, JsonObject want, Map<String, TensorData> got) {
        assertEquals(new ArrayList<>(want.keySet()), new ArrayList<>(got.keySet()), file + ": keys in file order");
        for (Map.Entry<String, JsonElement> e : want.entrySet()) {
            JsonObject w = e.getValue().getAsJsonObject();
            TensorData t = got.get(e.getKey());
            String what = file + " " + e.getKey();
            assertEquals(w.get("dtype").getAsString(), t.dtype(), what);
            JsonArray shape = w.getAsJsonArray("shape");
            long[] s = new long[shape.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = shape.get(i).getAsLong();
            }
            assertArrayEquals(s, t.shape(), what);
            assertEquals(w.get("sha256").getAsString(), sha256(t.data()), what + ": bytes differ from PyTorch's");
        }
    }

    @Test
    void readsEveryGoldenStateDictExactly() throws IOException {
        JsonObject cases = expected().getAsJsonObject("read");
        assertEquals(4, cases.size());
        for (String file : cases.keySet()) {
            assertMatches(file, cases.getAsJsonObject(file), TorchCheckpoint.read(golden(file)));
        }
    }

    @Test
    void keepsFloat64WhenAsked() throws IOException {
        JsonObject cases = expected().getAsJsonObject("read_keep_float64");
        for (String file : cases.keySet()) {
            Map<String, TensorData> got = TorchCheckpoint.read(golden(file), true);
            assertMatches(file, cases.getAsJsonObject(file), got);
            assertEquals("F64", got.get("head.double").dtype());
        }
    }

    @Test
    void spotValuesOfTheBareStateDict() throws IOException {
        Map<String, TensorData> sd = TorchCheckpoint.read(golden("bare_state_dict.pt"));
        assertArrayEquals(new long[] {4, 3, 3, 3}, sd.get("conv.weight").shape());
        assertArrayEquals(new long[0], sd.get("bn.num_batches_tracked").shape());
        assertEquals(12345678901L, sd.get("bn.num_batches_tracked").longs()[0]);
        float[] half = sd.get("half").floats();
        assertEquals(65504f, half[0]);
        assertEquals(0x1p-24f, half[1]); // smallest float16 subnormal
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(half[2]));
        assertEquals(Float.POSITIVE_INFINITY, half[3]);
        assertTrue(Float.isNaN(half[4]));
        assertArrayEquals(new float[] {1f, -3.140625f}, java.util.Arrays.copyOf(sd.get("bf16").floats(), 2));
        assertArrayEquals(new long[] {-7, 2147483647, 0, -2147483648L}, sd.get("int32").longs());
        assertArrayEquals(new long[] {1, 0, 1}, sd.get("mask").longs());
        assertEquals(0, sd.get("empty").data().length);
        assertArrayEquals(new long[] {0, 3}, sd.get("empty").shape());
    }

    @Test
    void materialisesViewsContiguously() throws IOException {
        Map<String, TensorData> v = TorchCheckpoint.read(golden("views.pt"));
        // base = arange(24).reshape(4, 6) * 0.5; transposed[i][j] = base[j][i]
        float[] t = v.get("transposed").floats();
        assertEquals(0f, t[0]);
        assertEquals(3f, t[1]);
        assertEquals(0.5f, t[4]);
        assertArrayEquals(new float[] {-3, -2, -1, 0, 1, 2}, v.get("shared_a").floats());
        assertArrayEquals(new float[] {3, 4, 5, 6}, v.get("shared_b").floats());
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, v.get("expanded").floats());
        assertArrayEquals(new long[] {2, 6, 10}, v.get("long_view").longs());
    }

    @Test
    void takesTheStateDictOfATrainingCheckpointAndStripsDataParallelPrefix() throws IOException {
        Map<String, TensorData> sd = TorchCheckpoint.read(golden("training_checkpoint.pt"));
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked"), new ArrayList<>(sd.keySet()));
        assertEquals(1L, sd.get("1.num_batches_tracked").longs()[0]);
    }

    @Test
    void rejectsAPickledModuleNamingTheFileAndTheFix() {
        Path f = golden("whole_module.pt");
        IOException e = assertThrows(IOException.class, () -> TorchCheckpoint.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("torch.nn.modules.container.Sequential"), e.getMessage());
        assertTrue(e.getMessage().contains("state_dict()"), e.getMessage());
    }

    @Test
    void rejectsTheLegacyFormat() {
        Path f = golden("legacy_format.pt");
        IOException e = assertThrows(IOException.class, () -> TorchCheckpoint.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("legacy"), e.getMessage());
        assertTrue(e.getMessage().contains("torch.save(model.state_dict()"), e.getMessage());
    }

    @Test
    void rejectsATruncatedZip() throws IOException {
        byte[] whole = Files.readAllBytes(golden("bare_state_dict.pt"));
        for (int keep : new int[] {whole.length - 10, whole.length / 2, 100, 3}) {
            Path f = dir.resolve("truncated" + keep + ".pt");
            Files.write(f, java.util.Arrays.copyOf(whole, keep));
            IOException e = assertThrows(IOException.class, () -> TorchCheckpoint.read(f));
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        }
    }

    @Test
    void rejectsATextFile() throws IOException {
        Path f = dir.resolve("notes.pt");
        Files.writeString(f, "these are not weights\n");
        IOException e = assertThrows(IOException.class, () -> TorchCheckpoint.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a PyTorch checkpoint"), e.getMessage());
    }

    @Test
    void rejectsAMissingFile() {
        Path f = dir.resolve("absent.pt");
        IOException e = assertThrows(IOException.class, () -> TorchCheckpoint.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void rejectsAZipWithoutDataPkl() throws IOException {
        Path f = dir.resolve("other.zip");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            z.write("hi".getBytes(StandardCharsets.UTF_8));
        }
        IOException e = assertThrows(IOException.class, () -> TorchCheckpoint.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("data.pkl"), e.getMessage());
    }
}
