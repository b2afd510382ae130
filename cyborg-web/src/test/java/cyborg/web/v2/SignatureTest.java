package cyborg.web.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

class SignatureTest {
    private static InferenceRequest request(String input, String outputs) {
        return InferenceRequest.parse(new StringReader("{\"inputs\":[" + input + "]" + outputs + "}"));
    }

    private static String refusedInput(String input) {
        return assertThrows(ProtocolException.class, () -> Signature.input(request(input, ""), 2)).getMessage();
    }

    @Test
    void takesImagesOrPixelsOfTheModelsSize() {
        assertEquals("images", Signature.input(request(
                "{\"name\":\"images\",\"shape\":[2,1],\"datatype\":\"BYTES\",\"data\":[\"a\",\"b\"]}", ""), 2).name());
        assertEquals("pixels", Signature.input(request("{\"name\":\"pixels\",\"shape\":[1,3,2,2],\"datatype\":\"FP32\","
                + "\"data\":[0,0,0,0,0,0,0,0,0,0,0,0]}", ""), 2).name());
    }

    @Test
    void refusesOtherInputsNamingWhatItTakes() {
        assertTrue(refusedInput("{\"name\":\"input0\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}")
                .contains("unknown input 'input0'"));
        assertTrue(refusedInput("{\"name\":\"pixels\",\"shape\":[1,3,4,4],\"datatype\":\"FP32\",\"data\":"
                + "[" + "0,".repeat(47) + "0]}").contains("[N, 3, 2, 2]"));
        assertTrue(refusedInput("{\"name\":\"images\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}")
                .contains("is BYTES"));
        assertTrue(refusedInput("{\"name\":\"images\",\"shape\":[0],\"datatype\":\"BYTES\",\"data\":[]}")
                .contains("no image"));
    }

    @Test
    void outputsDefaultToScoreAndLabelAndUnknownOnesAreRefused() {
        String images = "{\"name\":\"images\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"a\"]}";
        assertEquals(List.of("score", "label"), Signature.outputs(request(images, "")));
        assertEquals(List.of("cam"), Signature.outputs(request(images, ",\"outputs\":[{\"name\":\"cam\"}]")));
        assertTrue(assertThrows(ProtocolException.class, () -> Signature.outputs(request(images,
                ",\"outputs\":[{\"name\":\"output0\"}]"))).getMessage().contains("unknown output 'output0'"));
    }
}
