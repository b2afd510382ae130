package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import cyborg.image.JetColormap;
import cyborg.io.SafeTensors;
import cyborg.io.TensorData;
import cyborg.web.CyborgServer;
import cyborg.web.ServeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Issue 20's "two label rules": serve labelled {@code score >= 0.5} while the CAM it returned
 * (and spark score's {@code predicted} column) followed the argmax, so for logits (3, 1) serve
 * answered "Synthetic" beside Real's map. Here a model whose logits are about (3, 1) for every
 * image (both positive, Real ahead: score sigmoid(1) = 0.73, argmax Real) is run by serve,
 * {@code cyborg score --cams} and {@code cyborg spark score --cams}: all three must name Real and
 * show Real's CAM.
 */
class OneLabelRuleTest {
    @TempDir
    Path dir;

    @Test
    void serveScoreAndSparkScoreGiveTheSameLabelAndCamClassWhereArgmaxAndHalfDisagree() throws Exception {
        Path model = realAheadBothPositive(dir.resolve("model"));
        Path faces = faces(dir.resolve("faces"));

        // cyborg score: the score file and the CAMs of the default (the label's class), Real's and Synthetic's
        Map<String, byte[]> labelCams = score(model, faces, "predicted", dir.resolve("s-predicted.csv"));
        Map<String, byte[]> realCams = score(model, faces, "real", dir.resolve("s-real.csv"));
        Map<String, byte[]> syntheticCams = score(model, faces, "synthetic", dir.resolve("s-synthetic.csv"));
        for (String row : Files.readAllLines(dir.resolve("s-predicted.csv"))) {
            double score = Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
            assertTrue(score >= 0.5, "the model must make score >= 0.5 while the argmax is Real: " + row);
        }
        assertEquals(4, labelCams.size());
        for (String image : labelCams.keySet()) {
            assertArrayEquals(realCams.get(image), labelCams.get(image), "cyborg score --cams shows Real's map: " + image);
            assertFalse(Arrays.equals(realCams.get(image), syntheticCams.get(image)),
                    "the two classes' maps must differ for this test to tell them apart: " + image);
        }

        // spark score: its predicted column and its CAM files
        Path out = dir.resolve("spark");
        Cli spark = Cli.run("spark", "score", "--master", "local[2]", "--model", model.toString(), "--folder",
                faces.toString(), "--cams", "--format", "csv", "--out", out.toString());
        assertEquals(0, spark.status, spark.toString());
        List<Map<String, String>> rows = csv(out.resolve("scores-detail.csv"));
        assertEquals(4, rows.size(), spark.toString());
        for (Map<String, String> r : rows) {
            String image = stem(Path.of(r.get("path")));
            assertEquals("Real", r.get("predicted"), "spark score: " + r);
            assertArrayEquals(realCams.get(image), Files.readAllBytes(Path.of(r.get("cam_path"))),
                    "spark score shows Real's map: " + image);
        }

        // serve: the JSON label and the CAM beside it (jet colours of the same 8-bit levels)
        try (CyborgServer server = CyborgServer.start(ServeConfig.builder().host("127.0.0.1").port(0)
                .model("m", model).build())) {
            for (String image : realCams.keySet()) {
                JsonObject result = serve(server.port(), find(faces, image));
                assertEquals("Real", result.get("label").getAsString(),
                        "serve labels by the argmax, as spark score does: " + result.get("score"));
                assertTrue(result.get("score").getAsFloat() >= 0.5f);
                assertJetOf(realCams.get(image), result.get("cam").getAsString(), image);
            }
        }
    }

    /**
     * The toy model with its final layer set so that the logits are about (3, 1) for any image:
     * W[Real] = w, W[Synthetic] = -w for a small w (so each class's CAM is the other's inverse),
     * bias (3, 1).
     */
    private static Path realAheadBothPositive(Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(Toy.model())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, to.resolve(f.getFileName().toString()));
                }
            }
        }
        Path file = to.resolve("model.safetensors");
        Map<String, TensorData> weights = new LinkedHashMap<>(SafeTensors.read(file));
        TensorData fc = weights.get("fc.weight");
        float[] w = fc.floats();
        int channels = w.length / 2;
        double norm = 0;
        for (int c = 0; c < channels; c++) {
            norm += w[c] * w[c];
        }
        // |w . f| stays far below the bias gap of 2 for any pooled feature vector of the toy model
        float scale = (float) (1e-3 / Math.sqrt(norm));
        float[] edited = new float[w.length];
        for (int c = 0; c < channels; c++) {
            edited[c] = w[c] * scale;
            edited[channels + c] = -w[c] * scale;
        }
        weights.put("fc.weight", TensorData.ofFloats(fc.shape(), edited));
        weights.put("fc.bias", TensorData.ofFloats(new long[] {2}, new float[] {3f, 1f}));
        SafeTensors.write(file, weights, Map.of("format", "pt"));
        return to;
    }

    /** Four of the toy's images in the folder layout, two per class folder. */
    private static Path faces(Path root) throws IOException {
        List<Path> images;
        try (Stream<Path> s = Files.walk(Path.of(Toy.images()))) {
            images = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        for (int i = 0; i < 4; i++) {
            Path folder = Files.createDirectories(root.resolve(i < 2 ? "real/ffhq" : "synthetic/gan"));
            Files.copy(images.get(i * images.size() / 4), folder.resolve("face" + i + ".png"));
        }
        return root;
    }

    /** Runs {@code cyborg score --cams} with {@code --cam-class camClass}; the CAM PNGs by image stem. */
    private Map<String, byte[]> score(Path model, Path faces, String camClass, Path scores) throws IOException {
        Path cams = dir.resolve("cams-" + camClass);
        Cli r = Cli.run("score", "--model", model.toString(), "--folder", faces.toString(), "--cams", cams.toString(),
                "--cam-class", camClass, "--out", scores.toString());
        assertEquals(0, r.status, r.toString());
        Map<String, byte[]> out = new HashMap<>();
        try (Stream<Path> s = Files.walk(cams)) {
            for (Path p : (Iterable<Path>) s.filter(p -> p.toString().endsWith("_cam.png"))::iterator) {
                String name = p.getFileName().toString();
                out.put(name.substring(0, name.length() - "_cam.png".length()), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static Path find(Path root, String stem) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals(stem + ".png")).findFirst().orElseThrow();
        }
    }

    /** A CSV with a header and no quoted fields, as rows by column name. */
    private static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** POSTs {@code image} with cam=true; its one result. */
    private static JsonObject serve(int port, Path image) throws IOException, InterruptedException {
        String boundary = "cyborg-one-label-rule";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"cam\"\r\n\r\ntrue\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\""
                + image.getFileName() + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(image));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/score"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonArray results = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("results");
        assertEquals(1, results.size(), r.body());
        return results.get(0).getAsJsonObject();
    }

    /** The served data URL is, pixel for pixel, the jet colours of the 8-bit map in {@code grayPng}. */
    private static void assertJetOf(byte[] grayPng, String dataUrl, String image) throws IOException {
        String prefix = "data:image/png;base64,";
        assertTrue(dataUrl.startsWith(prefix), dataUrl);
        BufferedImage jet = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUrl.substring(prefix.length()))));
        BufferedImage gray = ImageIO.read(new ByteArrayInputStream(grayPng));
        assertEquals(gray.getWidth(), jet.getWidth());
        assertEquals(gray.getHeight(), jet.getHeight());
        for (int y = 0; y < gray.getHeight(); y++) {
            for (int x = 0; x < gray.getWidth(); x++) {
                int level = gray.getRaster().getSample(x, y, 0);
                assertEquals(JetColormap.rgb(level) & 0xFFFFFF, jet.getRGB(x, y) & 0xFFFFFF,
                        "serve's CAM of " + image + " at (" + x + ", " + y + ") is not Real's map");
            }
        }
    }
}
