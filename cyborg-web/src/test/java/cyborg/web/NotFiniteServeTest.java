package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.io.SafeTensors;
import cyborg.io.TensorData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A model whose output is NaN (broken weights): serve had no finite check, so the NaN score reached
 * the JSON writer, which refuses NaN: an anonymous "internal error" and a stack trace in the log. Now
 * the one finite check of {@link cyborg.model.Prediction} makes it a JSON 500 {@code not_finite}
 * naming the model and the upload, as {@code cyborg score} stops naming the image.
 */
class NotFiniteServeTest {
    @Test
    void aNanOutputIsA500NamingTheUploadNotANanScore(@TempDir Path dir) throws Exception {
        Path model = Files.createDirectories(dir.resolve("nan"));
        try (Stream<Path> files = Files.list(TestModels.alpha())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, model.resolve(f.getFileName().toString()));
            }
        }
        Path file = model.resolve("model.safetensors");
        Map<String, TensorData> weights = new LinkedHashMap<>(SafeTensors.read(file));
        float[] nan = new float[(int) weights.get("fc.weight").size()];
        Arrays.fill(nan, Float.NaN);
        weights.put("fc.weight", TensorData.ofFloats(weights.get("fc.weight").shape(), nan));
        SafeTensors.write(file, weights, Map.of("format", "pt"));
        try (CyborgServer server = CyborgServer.start(ServeConfig.builder().model("nan", model).port(0).build())) {
            HttpResponse<String> r = new Client(server.port(), null).post(Routes.SCORE,
                    new Multipart().file("image", "face.png", TestModels.png(32, 32, 3)).field("cam", "true"));
            CyborgServerTest.assertError(r, 500, "face.png: the model gave a score of NaN");
            assertEquals("face.png", Client.json(r).get("file").getAsString());
            assertTrue(Client.json(r).get("error").getAsString().contains("model 'nan'"), r.body());
            // the Open Inference Protocol: the same check, the input named by its place in the tensor
            String json = "{\"inputs\":[{\"name\":\"images\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\""
                    + java.util.Base64.getEncoder().encodeToString(TestModels.png(32, 32, 3)) + "\"]}]}";
            Client client = new Client(server.port(), null);
            HttpResponse<String> v2 = client.send(client.request("/v2/models/nan/infer").POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(json)).build());
            CyborgServerTest.assertError(v2, 500, "images[0]: the model gave a score of NaN");
        }
    }
}
