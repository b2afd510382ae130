package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The Open Inference Protocol (KServe v2 REST) as a client written from its specification sees it:
 * requests are JSON text shaped as the specification's $inference_request, answers are read as
 * plain JSON trees and checked against its $metadata_server_response, $metadata_model_response,
 * $inference_response and error objects, with none of the server's own classes. The scores are
 * checked against {@code cyborg score}'s.
 */
class OpenInferenceProtocolTest {
    private static final int S = TestModels.SIZE;
    private static CyborgServer server;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        // beta twice, as versions 1 (alpha's weights) and 2 (beta's)
        server = CyborgServer.start(ServeConfig.builder().model("alpha", TestModels.alpha())
                .model(ModelSource.parse("beta:1=" + TestModels.alpha(), null))
                .model(ModelSource.parse("beta:2=" + TestModels.beta(), null)).port(0).build());
        client = new Client(server.port(), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String path, String json) {
        return client.send(client.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static JsonObject ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.toString());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** The specification's error object: an HTTP error status and {"error": $string}. */
    private static String error(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
        assertTrue(body.get("error").getAsJsonPrimitive().isString(), r.body());
        return body.get("error").getAsString();
    }

    private static String imagesRequest(String id, List<byte[]> images, String... outputs) {
        StringBuilder data = new StringBuilder();
        for (byte[] image : images) {
            data.append(data.length() == 0 ? "" : ", ").append('"').append(Base64.getEncoder().encodeToString(image))
                    .append('"');
        }
        StringBuilder out = new StringBuilder();
        for (String o : outputs) {
            out.append(out.length() == 0 ? "" : ", ").append("{ \"name\" : \"").append(o).append("\" }");
        }
        return "{\n  " + (id == null ? "" : "\"id\" : \"" + id + "\",\n  ") + "\"inputs\" : [\n    {\n"
                + "      \"name\" : \"images\",\n      \"shape\" : [ " + images.size() + " ],\n"
                + "      \"datatype\" : \"BYTES\",\n      \"data\" : [ " + data + " ]\n    }\n  ]"
                + (outputs.length == 0 ? "" : ",\n  \"outputs\" : [ " + out + " ]") + "\n}";
    }

    /** The output tensor called {@code name}, checked to be a $response_output. */
    private static JsonObject output(JsonObject response, String name) {
        for (JsonElement e : response.getAsJsonArray("outputs")) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("name").getAsString().equals(name)) {
                assertTrue(o.has("shape") && o.has("datatype") && o.has("data"), o.toString());
                return o;
            }
        }
        throw new AssertionError("no output " + name + " in " + response);
    }

    private static List<Long> shape(JsonObject tensor) {
        List<Long> shape = new ArrayList<>();
        tensor.getAsJsonArray("shape").forEach(d -> shape.add(d.getAsLong()));
        return shape;
    }

    private static List<byte[]> pngs(int n, long seed) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestModels.png(40 + 3 * i, 36, seed + i));
        }
        return out;
    }

    @Test
    void serverMetadataHasNameVersionAndExtensions() {
        JsonObject meta = ok(client.get("/v2"));
        assertEquals("cyborg", meta.get("name").getAsString());
        assertTrue(meta.get("version").getAsJsonPrimitive().isString(), meta.toString());
        assertTrue(meta.get("extensions").isJsonArray(), meta.toString());
    }

    @Test
    void healthRoutesAnswerWithTheStatusAndAnEmptyBody() {
        for (String path : List.of("/v2/health/live", "/v2/health/ready", "/v2/models/alpha/ready",
                "/v2/models/beta/versions/2/ready")) {
            HttpResponse<String> r = client.get(path);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            assertEquals("", r.body(), path);
        }
        error(client.get("/v2/models/gamma/ready"), 404);
    }

    @Test
    void modelMetadataDescribesTheTensorsAndTheVersions() {
        JsonObject alpha = ok(client.get("/v2/models/alpha"));
        assertEquals("alpha", alpha.get("name").getAsString());
        assertFalse(alpha.has("versions"), "an unversioned model lists no versions: " + alpha);
        assertTrue(alpha.get("platform").getAsString().matches("[a-z0-9]+_[a-z0-9]+"), alpha.toString());
        JsonArray inputs = alpha.getAsJsonArray("inputs");
        assertEquals("images", inputs.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("BYTES", inputs.get(0).getAsJsonObject().get("datatype").getAsString());
        assertEquals(List.of(-1L), shape(inputs.get(0).getAsJsonObject()));
        assertEquals("pixels", inputs.get(1).getAsJsonObject().get("name").getAsString());
        assertEquals("FP32", inputs.get(1).getAsJsonObject().get("datatype").getAsString());
        assertEquals(List.of(-1L, 3L, (long) S, (long) S), shape(inputs.get(1).getAsJsonObject()));
        List<String> outputs = new ArrayList<>();
        alpha.getAsJsonArray("outputs").forEach(o -> outputs.add(o.getAsJsonObject().get("name").getAsString()
                + ":" + o.getAsJsonObject().get("datatype").getAsString() + shape(o.getAsJsonObject())));
        assertEquals(List.of("score:FP32[-1]", "label:BYTES[-1]", "cam:FP32[-1, " + S + ", " + S + "]"), outputs);

        JsonObject beta = ok(client.get("/v2/models/beta"));
        assertEquals("[\"1\",\"2\"]", beta.getAsJsonArray("versions").toString());
        assertEquals("beta", ok(client.get("/v2/models/beta/versions/1")).get("name").getAsString());
        assertTrue(error(client.get("/v2/models/beta/versions/3"), 404).contains("beta:3"));
        assertTrue(error(client.get("/v2/models/gamma"), 404).contains("alpha"), "names what is served");
    }

    @Test
    void infersScoresAndLabelsAsCyborgScoreDoesAndEchoesTheId(@TempDir Path dir) throws Exception {
        List<byte[]> images = pngs(3, 7);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            files.add(Files.write(dir.resolve("i" + i + ".png"), images.get(i)));
        }
        List<Float> expected = CyborgServerTest.scorerScores(TestModels.alpha(), files);
        List<String> labels = CyborgServerTest.scorerLabels(TestModels.alpha(), files);

        JsonObject r = ok(post("/v2/models/alpha/infer", imagesRequest("42", images, "score", "label")));
        assertEquals("42", r.get("id").getAsString());
        assertEquals("alpha", r.get("model_name").getAsString());
        assertFalse(r.has("model_version"), "an unversioned model's answer has no model_version: " + r);
        JsonObject score = output(r, "score");
        assertEquals("FP32", score.get("datatype").getAsString());
        assertEquals(List.of(3L), shape(score));
        JsonObject label = output(r, "label");
        assertEquals("BYTES", label.get("datatype").getAsString());
        for (int i = 0; i < 3; i++) {
            assertEquals(expected.get(i), score.getAsJsonArray("data").get(i).getAsFloat(), 1e-6, "image " + i);
            assertEquals(labels.get(i), label.getAsJsonArray("data").get(i).getAsString(), "image " + i);
        }

        // versions: beta 1 holds alpha's weights; beta alone is its highest version, 2
        HttpResponse<String> noId = post("/v2/models/beta/versions/1/infer", imagesRequest(null, images));
        JsonObject v1 = ok(noId);
        assertEquals("1", v1.get("model_version").getAsString());
        assertEquals(noId.headers().firstValue("X-Request-Id").orElseThrow(), v1.get("id").getAsString(),
                "without an id, the answer's is the request's X-Request-Id (the access log's)");
        for (int i = 0; i < 3; i++) { // same weights; batches may form differently, so the last bit may differ
            assertEquals(expected.get(i), output(v1, "score").getAsJsonArray("data").get(i).getAsFloat(), 1e-6);
        }
        assertEquals("2", ok(post("/v2/models/beta/infer", imagesRequest(null, images))).get("model_version")
                .getAsString());
    }

    @Test
    void preprocessedPixelsNestedOrFlatScoreAsTheImageDoes() throws Exception {
        byte[] image = TestModels.png(S, S, 11);
        JsonObject meta = ok(client.get("/v2/models/alpha")).getAsJsonObject("parameters");
        float[] mean = floats(meta.get("mean").getAsString());
        float[] std = floats(meta.get("std").getAsString());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image));
        StringBuilder nested = new StringBuilder("[[");
        StringBuilder flat = new StringBuilder("[");
        for (int c = 0; c < 3; c++) {
            nested.append(c == 0 ? "[" : ",[");
            for (int y = 0; y < S; y++) {
                nested.append(y == 0 ? "[" : ",[");
                for (int x = 0; x < S; x++) {
                    int v = (img.getRGB(x, y) >> (16 - 8 * c)) & 0xff;
                    String value = Float.toString((v / 255f - mean[c]) / std[c]);
                    nested.append(x == 0 ? "" : ",").append(value);
                    flat.append(flat.length() == 1 ? "" : ",").append(value);
                }
                nested.append(']');
            }
            nested.append(']');
        }
        nested.append("]]");
        flat.append(']');
        float fromImage = output(ok(post("/v2/models/alpha/infer", imagesRequest(null, List.of(image)))), "score")
                .getAsJsonArray("data").get(0).getAsFloat();
        for (String data : List.of(nested.toString(), flat.toString())) {
            JsonObject r = ok(post("/v2/models/alpha/infer", "{\"inputs\":[{\"name\":\"pixels\",\"shape\":[1,3," + S + ","
                    + S + "],\"datatype\":\"FP32\",\"data\":" + data + "}]}"));
            assertEquals(fromImage, output(r, "score").getAsJsonArray("data").get(0).getAsFloat(), 1e-6);
        }
    }

    private static float[] floats(String commaSeparated) {
        String[] parts = commaSeparated.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }

    @Test
    void aBodyOverAMegabyteAndUnderTheServersLimitIsServed() {
        // Javalin reads a JSON body whole under its own 1 MB cap unless told the server's limit (20 MB here):
        // a 790 KB photo, base64-encoded, was refused with a 413 that named the 20 MB limit
        byte[] photo = TestModels.png(700, 700, 5);
        assertTrue(photo.length > 1_000_000, "random pixels do not compress: " + photo.length);
        JsonObject r = ok(post("/v2/models/alpha/infer", imagesRequest(null, List.of(photo))));
        assertEquals(List.of(1L), shape(output(r, "score")));
    }

    @Test
    void aRequestOfMoreImagesThanTheQueueHoldsIsRefusedBeforeAnyIsScored() throws Exception {
        try (CyborgServer small = CyborgServer.start(ServeConfig.builder().model("alpha", TestModels.alpha()).port(0)
                .queueCapacity(2).build())) {
            Client c = new Client(small.port(), null);
            String tooMany = error(c.send(c.request("/v2/models/alpha/infer").POST(HttpRequest.BodyPublishers.ofString(
                    imagesRequest(null, pngs(3, 1)))).build()), 400);
            assertTrue(tooMany.contains("at most 2") && tooMany.contains("--queue"), tooMany);
            assertEquals(200, c.send(c.request("/v2/models/alpha/infer").POST(HttpRequest.BodyPublishers.ofString(
                    imagesRequest(null, pngs(2, 1)))).build()).statusCode());
        }
    }

    @Test
    void base64WithLineBreaksIsAccepted() {
        String wrapped = Base64.getMimeEncoder().encodeToString(TestModels.png(40, 40, 2)); // 76 a line, CRLF
        assertTrue(wrapped.contains("\r\n"), "the encoding wraps lines");
        String json = "{\"inputs\":[{\"name\":\"images\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\""
                + wrapped.replace("\r\n", "\\r\\n") + "\"]}]}";
        ok(post("/v2/models/alpha/infer", json));
    }

    @Test
    void theCamComesOnRequestAsAnImageSizedMapPerImage() {
        JsonObject r = ok(post("/v2/models/alpha/infer", imagesRequest(null, pngs(2, 3), "cam")));
        assertEquals(1, r.getAsJsonArray("outputs").size(), "only the output asked for: " + r.get("outputs"));
        JsonObject cam = output(r, "cam");
        assertEquals(List.of(2L, (long) S, (long) S), shape(cam));
        JsonArray data = cam.getAsJsonArray("data");
        assertEquals(2 * S * S, data.size());
        for (JsonElement v : data) {
            assertTrue(v.getAsFloat() >= 0 && v.getAsFloat() <= 1, v.toString());
        }
    }

    @Test
    void errorsAreTheProtocolsErrorObjectWithAnHttpErrorStatus() {
        // the specification's own example request, sent to a cyborg model
        String spec = "{\"id\":\"42\",\"inputs\":[{\"name\":\"input0\",\"shape\":[2,2],\"datatype\":\"UINT32\","
                + "\"data\":[1,2,3,4]},{\"name\":\"input1\",\"shape\":[3],\"datatype\":\"BOOL\",\"data\":[true]}],"
                + "\"outputs\":[{\"name\":\"output0\"}]}";
        assertTrue(error(post("/v2/models/alpha/infer", spec), 400).contains("input1"));
        String oneInput = "{\"inputs\":[{\"name\":\"input0\",\"shape\":[2,2],\"datatype\":\"UINT32\",\"data\":[1,2,3,4]}]}";
        assertTrue(error(post("/v2/models/alpha/infer", oneInput), 400).contains("'images'"), "says what it takes");
        assertTrue(error(post("/v2/models/alpha/infer", "{\"inputs\":"), 400).contains("JSON"));
        assertTrue(error(post("/v2/models/alpha/infer", imagesRequest(null, pngs(1, 1), "output0")), 400)
                .contains("'output0'"));
        assertTrue(error(post("/v2/models/alpha/infer", "{\"inputs\":[{\"name\":\"images\",\"shape\":[1],"
                + "\"datatype\":\"BYTES\",\"data\":[\"%%%\"]}]}"), 400).contains("base64"));
        String notAnImage = error(post("/v2/models/alpha/infer", imagesRequest(null, List.of(new byte[] {1, 2, 3}))), 400);
        assertTrue(notAnImage.contains("images[0]"), notAnImage);
        assertTrue(error(post("/v2/models/gamma/infer", imagesRequest(null, pngs(1, 1))), 404).contains("gamma"));
        error(client.get("/v2/models/alpha/infer"), 405);
        error(post("/v2/models/alpha", imagesRequest(null, pngs(1, 1))), 405);
        String beyond = error(post("/v2/models/alpha/infer", "{\"inputs\":[{\"name\":\"pixels\",\"shape\":[1,3," + S
                + "," + S + "],\"datatype\":\"FP32\",\"data\":[1e39" + ",0".repeat(3 * S * S - 1) + "]}]}"), 400);
        assertTrue(beyond.contains("beyond the range of FP32"), "not a 500 blaming the model: " + beyond);
        String gson = error(post("/v2/models/alpha/infer", "{\"inputs\": [}"), 400);
        assertFalse(gson.contains("setStrictness") || gson.contains("github.com"), "no parser advice: " + gson);
        String binary = error(client.send(client.request("/v2/models/alpha/infer")
                .header(V2InferHandler.BINARY_HEADER, "10").POST(HttpRequest.BodyPublishers.ofString("{}")).build()), 400);
        assertTrue(binary.toLowerCase(Locale.ROOT).contains("binary"), binary);
    }
}
