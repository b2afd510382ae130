package cyborg.web;

import static cyborg.web.AnnotateRequests.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.Faces;
import cyborg.web.annotate.Mask;
import cyborg.web.annotate.StoredAnnotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * kill -9 mid-burst: every save the server answered 2xx is in the database afterwards. The server
 * runs in a JVM of its own ({@link AnnotateProcess}), killed with destroyForcibly (SIGKILL).
 */
class AnnotateKillTest {
    private static final int SAVES = 200;
    /** Answers received before the kill: mid-burst, with many saves still in flight. */
    private static final int KILL_AFTER = 60;

    @Test
    void everySaveAnswered2xxSurvivesAKillMidBurst(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Faces.write(data, 5, 5, 16, 16);
        Path db = dir.resolve("a.db");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                AnnotateProcess.class.getName(), db.toString(), data.toString())
                .redirectError(dir.resolve("server.err").toFile()).start();
        try {
            Client client = new Client(port(server), null);
            // one task per annotator, fetched first, so that the burst is saves only
            List<JsonObject> bodies = new ArrayList<>();
            Mask mask = Faces.mask(16, 16, (x, y) -> x > y);
            for (int i = 0; i < SAVES; i++) {
                String who = "k" + i;
                HttpResponse<String> t = AnnotateRequests.next(client, who);
                assertEquals(200, t.statusCode(), t.body());
                bodies.add(answer(who, Client.json(t), "synthetic", mask));
            }
            Map<String, Long> acknowledged = new ConcurrentHashMap<>(); // annotator -> saved id
            AtomicInteger answered = new AtomicInteger();
            CountDownLatch enough = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            for (JsonObject body : bodies) {
                pool.submit(() -> {
                    try {
                        HttpResponse<String> r = AnnotateRequests.save(client, body);
                        if (r.statusCode() / 100 == 2) {
                            acknowledged.put(body.get("annotator").getAsString(),
                                    Client.json(r).get("saved").getAsLong());
                        }
                    } catch (RuntimeException cut) {
                        // the connection died with the server: not acknowledged, nothing promised
                    }
                    if (answered.incrementAndGet() >= KILL_AFTER) {
                        enough.countDown();
                    }
                });
            }
            assertTrue(enough.await(120, TimeUnit.SECONDS), "the server answered too few saves");
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
            pool.shutdown();
            assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));

            assertTrue(acknowledged.size() >= KILL_AFTER / 2, "too few saves acknowledged: " + acknowledged.size());
            try (AnnotationStore store = AnnotationStore.open(db)) {
                Map<String, Long> stored = store.annotations().stream()
                        .collect(Collectors.toMap(StoredAnnotation::annotator, StoredAnnotation::id));
                acknowledged.forEach((who, id) -> assertEquals(id, stored.get(who),
                        "save " + id + " of " + who + " was answered 2xx but is not in the database"));
                System.out.printf("kill -9 after %d answers: %d acknowledged, %d stored%n", KILL_AFTER,
                        acknowledged.size(), stored.size());
            }
        } finally {
            server.destroyForcibly();
        }
    }

    /** Reads "PORT n" from the server's output. */
    private static int port(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring(5).strip());
            }
        }
        throw new IllegalStateException("the annotate server process ended before listening (exit "
                + server.waitFor() + ")");
    }
}
