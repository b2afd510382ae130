package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.Faces;
import cyborg.web.annotate.ImageCatalog;
import cyborg.web.annotate.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Every request, answered or refused, logs one access line with its request id, also sent as X-Request-Id. */
class AccessLogTest {
    private static final String TOKEN = "tok-SECRET-123";
    private static final Pattern GENERATED = Pattern.compile("[0-9a-f]{16}");

    @TempDir
    Path dir;

    @Test
    void aSuccessfulRequestLogsAnAccessLineWithItsRequestIdOnServe() throws Exception {
        try (CyborgServer server = CyborgServer.start(ServeConfig.builder().model("alpha", TestModels.alpha())
                .port(0).token(TOKEN).maxUploadBytes(20_000).build());
                LogCapture log = new LogCapture()) {
            Client client = new Client(server.port(), TOKEN);
            Multipart form = new Multipart().file("image", "face.png", TestModels.png(32, 32, 1));
            // the client's own sane id is kept; a query secret must not reach the log
            HttpResponse<String> scored = client.send(client.request(Routes.SCORE + "?token=" + TOKEN)
                    .header("Content-Type", form.contentType()).header(RequestIds.HEADER, "client-7.a:b_c")
                    .POST(form.publisher()).build());
            assertEquals(200, scored.statusCode(), scored.body());
            assertEquals("client-7.a:b_c", scored.headers().firstValue(RequestIds.HEADER).orElse(null));
            String line = accessLine(log, "id=client-7.a:b_c");
            assertTrue(line.contains("POST " + Routes.SCORE + " 200 " + scored.body().length() + " B "), line);

            // an id that could forge log lines or fill them is replaced by a generated one
            HttpResponse<String> health = client.send(client.request(Routes.HEALTH)
                    .header(RequestIds.HEADER, "x".repeat(65)).GET().build());
            String id = health.headers().firstValue(RequestIds.HEADER).orElseThrow();
            assertTrue(GENERATED.matcher(id).matches(), id);
            assertTrue(accessLine(log, "id=" + id).contains("GET " + Routes.HEALTH + " 200 "));

            // refused requests are logged too, each with its own id: by the token guard, by the router,
            // and by Jetty before any route (a Content-Length over the limit)
            HttpResponse<String> denied = new Client(server.port(), "wrong").get(Routes.MODELS);
            assertTrue(accessLine(log, "id=" + idOf(denied)).contains("GET " + Routes.MODELS + " 401 "));
            HttpResponse<String> missing = client.get("/no/such/page");
            assertTrue(accessLine(log, "id=" + idOf(missing)).contains("GET /no/such/page 404 "));
            HttpResponse<String> big = client.post(Routes.SCORE, new Multipart().file("image", "big.png",
                    new byte[40_000]));
            assertEquals(413, big.statusCode(), big.body());
            assertTrue(accessLine(log, "id=" + idOf(big)).contains("POST " + Routes.SCORE + " 413 "));
            assertNotEquals(idOf(missing), idOf(big));

            assertFalse(log.text().contains("SECRET"), "a token reached the log:\n" + log.text());
        }
    }

    @Test
    void aSuccessfulRequestLogsAnAccessLineWithItsRequestIdOnAnnotate() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            ImageCatalog catalog = ImageCatalog.register(store, dir.resolve("data"),
                    Faces.write(dir.resolve("data"), 1, 1, 20, 16));
            try (AnnotateServer server = AnnotateServer.start(new AnnotateConfig("127.0.0.1", 0, Mode.PAIR, 1, false,
                    TOKEN, AnnotateConfig.DEFAULT_MAX_BODY_BYTES), store, catalog);
                    LogCapture log = new LogCapture()) {
                Client client = new Client(server.port(), TOKEN);
                HttpResponse<String> page = client.get("/");
                assertEquals(200, page.statusCode());
                int bytes = page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length; // the page has × and —
                assertTrue(accessLine(log, "id=" + idOf(page)).contains("GET / 200 " + bytes + " B "));
                HttpResponse<String> progress = client.get(AnnotateServer.PROGRESS + "?token=" + TOKEN);
                assertTrue(accessLine(log, "id=" + idOf(progress)).contains("GET " + AnnotateServer.PROGRESS + " "));
                assertFalse(log.text().contains("SECRET"), "a token reached the log:\n" + log.text());
            }
        }
    }

    private static String idOf(HttpResponse<?> r) {
        String id = r.headers().firstValue(RequestIds.HEADER).orElse(null);
        assertTrue(id != null && GENERATED.matcher(id).matches(), "no generated " + RequestIds.HEADER + ": " + id);
        return id;
    }

    /** The one access line naming {@code id}. */
    private static String accessLine(LogCapture log, String id) throws InterruptedException {
        String text = log.await(l -> l.contains(AccessLog.LOGGER) && l.endsWith(" " + id));
        var lines = text.lines().filter(l -> l.contains(AccessLog.LOGGER) && l.endsWith(" " + id)).toList();
        assertEquals(1, lines.size(), "access lines for " + id + " in:\n" + text);
        return lines.get(0);
    }
}
