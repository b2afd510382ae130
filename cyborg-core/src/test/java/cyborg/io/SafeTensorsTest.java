package cyborg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

class SafeTensorsTest {
    @TempDir
    Path dir;

    private static Map<String, TensorData> tensors() {
        Map<String, TensorData> t = new LinkedHashMap<>();
        t.put("fc.weight", TensorData.ofFloats(new long[] {2, 3}, new float[] {1, -2, 3.5f, Float.NaN, 0, 6}));
        t.put("bn.num_batches_tracked", TensorData.ofLongs(new long[0], new long[] {42}));
        return t;
    }

    @Test
    void roundTripsValuesShapesAndTypes() throws IOException {
        Path f = dir.resolve("m.safetensors");
        SafeTensors.write(f, tensors(), Map.of("format", "pt"));
        Map<String, TensorData> back = SafeTensors.read(f);
        assertEquals(tensors().keySet(), back.keySet());
        assertArrayEquals(new long[] {2, 3}, back.get("fc.weight").shape());
        assertArrayEquals(tensors().get("fc.weight").floats(), back.get("fc.weight").floats());
        assertEquals(42, back.get("bn.num_batches_tracked").longs()[0]);
    }

    @Test
    void equalContentGivesIdenticalBytesWhateverTheMetadataOrder() throws IOException {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("architecture", "resnet18");
        ab.put("format", "pt");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("format", "pt");
        ba.put("architecture", "resnet18");
        SafeTensors.write(dir.resolve("a"), tensors(), ab);
        SafeTensors.write(dir.resolve("b"), tensors(), ba);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a")), Files.readAllBytes(dir.resolve("b")));
    }
}
