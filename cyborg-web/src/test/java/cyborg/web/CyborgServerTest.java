package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import cyborg.data.Label;
import cyborg.data.Origin;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.score.Score;
import cyborg.score.Scorer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The server against one shared instance with two models, on a free port. */
class CyborgServerTest {
    private static CyborgServer server;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        server = CyborgServer.start(ServeConfig.builder().model("alpha", TestModels.alpha()).model("beta", TestModels.beta())
                .port(0).build());
        client = new Client(server.port(), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** What `cyborg score` writes for these files: (float) of Scorer's score, batch 8. */
    static List<Float> scorerScores(Path model, List<Path> files) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (Path f : files) {
            samples.add(new Sample(f.toString(), f, Label.REAL, "x", "test", new Origin(f, 0)));
        }
        try (Scorer scorer = Scorer.open(model)) {
            return scorer.score(samples, 8, null, null, SkipReport.failFast(), null).stream()
                    .map(s -> (float) s.score()).toList();
        }
    }

    @Test
    void scoresEqualThoseOfCyborgScoreForTheSameFilesAndModel(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        Multipart body = new Multipart().field("model", "alpha");
        for (int i = 0; i < 5; i++) {
            byte[] png = TestModels.png(40 + 7 * i, 36 + 3 * i, i); // not the input size: the resize must match too
            Path f = dir.resolve("face-" + i + ".png");
            Files.write(f, png);
            files.add(f);
            body.file("image", f.getFileName().toString(), png);
        }
        HttpResponse<String> r = client.post(Routes.SCORE, body);
        assertEquals(200, r.statusCode(), r.body());
        JsonArray results = Client.json(r).getAsJsonArray("results");
        List<Float> expected = scorerScores(TestModels.alpha(), files);
        assertEquals(5, results.size());
        for (int i = 0; i < 5; i++) {
            JsonObject o = results.get(i).getAsJsonObject();
            assertEquals("face-" + i + ".png", o.get("file").getAsString());
            assertEquals("alpha", o.get("model").getAsString());
            assertEquals(expected.get(i), o.get("score").getAsFloat(), "exact float, " + o);
            assertEquals(ScoreHandler.label(expected.get(i)), o.get("label").getAsString());
            assertFalse(o.has("cam"));
        }
    }

    @Test
    void modelsListsBothInLoadOrderWithTheirSidecars() {
        HttpResponse<String> r = client.get(Routes.MODELS);
        assertEquals(200, r.statusCode(), r.body());
        JsonArray models = Client.json(r).getAsJsonArray("models");
        assertEquals(2, models.size());
        JsonObject a = models.get(0).getAsJsonObject();
        assertEquals("alpha", a.get("name").getAsString());
        assertEquals("smallresnet", a.get("architecture").getAsString());
        assertEquals(32, a.get("input_size").getAsInt());
        assertEquals("predicted", a.get("cam_class").getAsString());
        assertEquals(0.5, a.getAsJsonObject("metrics").get("val_auc").getAsDouble());
        assertEquals("beta", models.get(1).getAsJsonObject().get("name").getAsString());
    }

    @Test
    void theRootServesThePage() {
        HttpResponse<String> r = client.get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("cyborg serve"), r.body());
    }

    @Test
    void unknownRouteIs404Json() {
        HttpResponse<String> r = client.get("/api/v1/nothing");
        assertEquals(404, r.statusCode());
        assertTrue(Client.json(r).get("error").getAsString().contains("no such"), r.body());
    }
}
