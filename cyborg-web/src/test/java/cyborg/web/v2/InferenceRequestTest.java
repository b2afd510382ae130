package cyborg.web.v2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

class InferenceRequestTest {
    private static InferenceRequest parse(String json) {
        return InferenceRequest.parse(new StringReader(json));
    }

    private static String refused(String json) {
        return assertThrows(ProtocolException.class, () -> parse(json)).getMessage();
    }

    @Test
    void nestedAndFlatDataAreTheSameTensor() {
        InferenceRequest nested = parse("{\"inputs\":[{\"name\":\"x\",\"shape\":[2,2],\"datatype\":\"FP32\","
                + "\"data\":[[1,2.5],[3,-4e-1]]}]}");
        InferenceRequest flat = parse("{\"inputs\":[{\"data\":[1,2.5,3,-0.4],\"datatype\":\"FP32\",\"name\":\"x\","
                + "\"shape\":[2,2]}]}");
        assertArrayEquals(new float[] {1, 2.5f, 3, -0.4f}, nested.inputs().get(0).numbers());
        assertArrayEquals(nested.inputs().get(0).numbers(), flat.inputs().get(0).numbers());
        assertArrayEquals(new long[] {2, 2}, flat.inputs().get(0).shape());
        assertNull(flat.id());
        assertEquals(List.of(), flat.outputs());
    }

    @Test
    void keepsTheIdTheOutputsAskedForAndIgnoresParameters() {
        InferenceRequest r = parse("{\"id\":\"42\",\"parameters\":{\"a\":1,\"b\":true},\"inputs\":[{\"name\":\"images\","
                + "\"shape\":[1],\"datatype\":\"BYTES\",\"parameters\":{\"x\":\"y\"},\"data\":[\"aGk=\"]}],"
                + "\"outputs\":[{\"name\":\"label\",\"parameters\":{\"binary_data\":false}},{\"name\":\"score\"}]}");
        assertEquals("42", r.id());
        assertEquals(List.of("label", "score"), r.outputs());
        assertEquals(List.of("aGk="), r.inputs().get(0).strings());
        assertEquals(Datatype.BYTES, r.inputs().get(0).datatype());
    }

    @Test
    void theSpecificationsExampleIsRefusedForItsShapeNotItsSyntax() {
        // the v2 REST specification's example request: input1 says shape [3] and gives one element
        String message = refused("{\"id\":\"42\",\"inputs\":[{\"name\":\"input0\",\"shape\":[2,2],\"datatype\":\"UINT32\","
                + "\"data\":[1,2,3,4]},{\"name\":\"input1\",\"shape\":[3],\"datatype\":\"BOOL\",\"data\":[true]}],"
                + "\"outputs\":[{\"name\":\"output0\"}]}");
        assertTrue(message.contains("input 'input1' has 1 elements; its shape [3] holds 3"), message);
    }

    @Test
    void refusesWhatTheProtocolDoesNotAllowSayingWhat() {
        assertTrue(refused("not json").contains("not valid JSON"), "garbage");
        assertTrue(refused("[1]").contains("JSON object"), "an array body");
        assertTrue(refused("{}").contains("no \"inputs\""), "no inputs");
        assertTrue(refused("{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\"}]}").contains("\"data\""),
                "no data");
        assertTrue(refused("{\"inputs\":[{\"name\":\"x\",\"shape\":[2],\"datatype\":\"FP32\",\"data\":[1,\"a\"]}]}")
                .contains("mixes"), "mixed elements");
        assertTrue(refused("{\"inputs\":[{\"name\":\"x\",\"shape\":[-1],\"datatype\":\"FP32\",\"data\":[]}]}")
                .contains("0 or more"), "a negative dimension");
        assertTrue(refused("{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"fp32\",\"data\":[1]}]}")
                .contains("unknown datatype 'fp32'"), "datatypes are case-sensitive");
        assertTrue(refused("{\"id\":42,\"inputs\":[]}").contains("\"id\" must be a string"), "a numeric id");
        assertTrue(refused("{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[1]}]}")
                .contains("must be strings"), "BYTES as numbers");
        assertTrue(refused("{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}]} {}")
                .contains("JSON"), "two values");
        assertTrue(refused("{\"inputs\":[{\"name\":\"x\",\"shape\":[4294967296,4294967296,4294967296],"
                + "\"datatype\":\"FP32\",\"data\":[1]}]}").contains("not valid"), "a shape whose size overflows");
    }
}
