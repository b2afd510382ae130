package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.Faces;
import cyborg.web.annotate.ImageCatalog;
import cyborg.web.annotate.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A body over the limit sent with chunked transfer encoding has no Content-Length to refuse it by:
 * the limit holds on the bytes read, and the answer is the usual 413 JSON error, with no stack
 * trace in the log.
 */
class ChunkedUploadTest {
    private static final int LIMIT = 20_000;

    @TempDir
    Path dir;

    @Test
    void chunkedUploadOverTheLimitIs413NotA500WithAStackTraceOnServe() throws Exception {
        byte[] big = new byte[LIMIT * 3];
        Arrays.fill(big, (byte) 7);
        Multipart form = new Multipart().file("image", "big.png", big);
        try (CyborgServer server = CyborgServer.start(ServeConfig.builder().model("alpha", TestModels.alpha())
                .port(0).maxUploadBytes(LIMIT).build())) {
            String answer = logged(() -> RawHttp.postChunked(server.port(), Routes.SCORE, form.contentType(), "",
                    bytes(form), 4096));
            assertTooLarge(answer);
            // a small chunked upload still scores: the limit counts bytes, it does not refuse chunking
            Multipart small = new Multipart().file("image", "small.png", TestModels.png(32, 32, 1));
            String ok = RawHttp.postChunked(server.port(), Routes.SCORE, small.contentType(), "", bytes(small), 512);
            assertEquals(200, RawHttp.status(ok), ok);
        }
    }

    @Test
    void chunkedBodyOverTheLimitIs413NotA500WithAStackTraceOnAnnotate() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            ImageCatalog catalog = ImageCatalog.register(store, dir.resolve("data"),
                    Faces.write(dir.resolve("data"), 1, 1, 20, 16));
            try (AnnotateServer server = AnnotateServer.start(new AnnotateConfig("127.0.0.1", 0, Mode.PAIR, 1, false,
                    null, LIMIT), store, catalog)) {
                byte[] json = ("{\"annotator\":\"ann\",\"text\":\"" + "x".repeat(LIMIT * 3) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                String answer = logged(() -> RawHttp.postChunked(server.port(), AnnotateServer.ANNOTATIONS,
                        "application/json", "", json, 4096));
                assertTooLarge(answer);
            }
        }
    }

    private static void assertTooLarge(String answer) {
        assertEquals(413, RawHttp.status(answer), answer);
        String error = JsonParser.parseString(RawHttp.body(answer)).getAsJsonObject().get("error").getAsString();
        assertTrue(error.contains("limit"), error);
        assertTrue(String.valueOf(RawHttp.header(answer, "Content-Type")).startsWith("application/json"), answer);
    }

    private static byte[] bytes(Multipart form) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        form.publisher().subscribe(new java.util.concurrent.Flow.Subscriber<>() {
            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(java.nio.ByteBuffer b) {
                byte[] a = new byte[b.remaining()];
                b.get(a);
                out.writeBytes(a);
            }

            @Override
            public void onError(Throwable t) {
                throw new IllegalStateException(t);
            }

            @Override
            public void onComplete() {
            }
        });
        return out.toByteArray();
    }

    interface Call {
        String run() throws Exception;
    }

    /** Runs {@code call} with the server log captured; fails on a stack trace in it. */
    private static String logged(Call call) throws Exception {
        try (LogCapture log = new LogCapture()) {
            String answer = call.run();
            String text = log.await(l -> l.contains(AccessLog.LOGGER) && l.contains(" 413 "));
            assertFalse(text.contains("\tat ") || text.contains("Exception"), "a stack trace in the log:\n" + text);
            return answer;
        }
    }
}
