package cyborg.web;

import cyborg.data.Label;
import cyborg.data.Origin;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.score.Scorer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load measurement of {@code cyborg serve}: the same images scored once in batches through
 * {@link Scorer} (what {@code cyborg score} does), then posted one per request by concurrent
 * HTTP clients to a server started in-process on a free port. The ratio of the two throughputs
 * says what serving costs over batch scoring; it is given only when it means that.
 */
public final class ServeBench {
    /**
     * Batched scoring is timed over one pass of the folder, which has a fixed cost of its own: on 2
     * shared cores (resnet18, 224 px, batch 8, 8 clients) 10 images gave serve / batched = 426 % and
     * 40 gave 173 %, where 100 give 96 % (README). A folder must hold this many full batches.
     */
    public static final int MIN_BATCHES = 8;

    /** Which API the clients post to: one image a request either way. */
    public enum Api {
        /** {@code POST /api/v1/score}, the image as a multipart file. */
        V1,
        /** The Open Inference Protocol's {@code POST /v2/models/NAME/infer}, the image base64 in a JSON BYTES tensor. */
        V2
    }

    /** The outcome: throughputs and client-side latency. */
    public record Result(int requests, double requestsPerSecond, double p50Millis, double p99Millis,
            double batchedImagesPerSecond, int failures) {
        /**
         * Served images per second over batched scoring's; NaN when a request failed, since the
         * served rate then counts only the requests that did not.
         */
        public double ratio() {
            return failures > 0 ? Double.NaN : requestsPerSecond / batchedImagesPerSecond;
        }
    }

    /** The fewest images a folder must hold to be timed with batch size {@code batch}. */
    public static int minimumImages(int batch) {
        return MIN_BATCHES * batch;
    }

    /**
     * Refuses a measurement that cannot mean anything: too few images to time batched scoring
     * ({@link #minimumImages}), or fewer requests than clients (some clients would never send).
     */
    public static void check(int images, int clients, int requests, int batch) {
        if (batch < 1 || clients < 1) {
            throw new IllegalArgumentException("--max-batch and --clients must be at least 1");
        }
        if (images < minimumImages(batch)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "serve-bench needs at least %d images"
                    + " (%d batches of %d) and the folder has %d: batched scoring is timed over one pass of the folder,"
                    + " and a pass of fewer batches times mostly its fixed costs, which makes the ratio meaningless;"
                    + " point --folder at more images (copies of the same images will do)", minimumImages(batch),
                    MIN_BATCHES, batch, images));
        }
        if (requests < clients) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--requests %d is fewer than --clients %d:"
                    + " some clients would never send; give at least as many requests as clients", requests, clients));
        }
    }

    private ServeBench() {
    }

    /**
     * @param server the server to start (its port is ignored: a free one is used); its first model is measured
     * @param images the image files
     * @param clients concurrent HTTP clients
     * @param requests requests in all, one image each, cycling over {@code images}
     * @param batch batched scoring's batch size
     */
    public static Result run(ServeConfig server, List<Path> images, int clients, int requests, int batch,
            PrintStream out) throws Exception {
        return run(server, images, clients, requests, batch, Api.V1, out);
    }

    /** As above, the clients posting to {@code api}. */
    public static Result run(ServeConfig server, List<Path> images, int clients, int requests, int batch, Api api,
            PrintStream out) throws Exception {
        check(images.size(), clients, requests, batch);
        double batched = batchedImagesPerSecond(server.models().get(0), images, batch, out);
        List<byte[]> bodies = new ArrayList<>();
        for (Path p : images) {
            bodies.add(Files.readAllBytes(p));
        }
        ServeConfig config = rebind(server);
        try (CyborgServer s = CyborgServer.start(config)) {
            ServedModel measured = s.models().all().get(0);
            URI uri = URI.create("http://127.0.0.1:" + s.port() + (api == Api.V1 ? Routes.SCORE : "/v2/models/"
                    + measured.name + (measured.version == null ? "" : "/versions/" + measured.version) + "/infer"));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            post(http, uri, api, bodies, Math.min(requests, clients * 2), clients, server.token()); // warm-up
            long start = System.nanoTime();
            long[] latencies = post(http, uri, api, bodies, requests, clients, server.token());
            double seconds = (System.nanoTime() - start) / 1e9;
            int failures = (int) Arrays.stream(latencies).filter(l -> l < 0).count();
            long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
            Result r = new Result(requests, ok.length / seconds, percentile(ok, 0.50), percentile(ok, 0.99), batched,
                    failures);
            out.printf(Locale.ROOT, "serve (%s): %d requests (1 image each) from %d clients in %.1f s: %.1f requests/s ="
                    + " %.1f images/s, latency p50 %.0f ms, p99 %.0f ms, %d failed%n",
                    api == Api.V1 ? "POST " + Routes.SCORE : "POST " + uri.getPath(), requests, clients, seconds,
                    r.requestsPerSecond(), r.requestsPerSecond(), r.p50Millis(), r.p99Millis(), failures);
            if (failures == 0) {
                out.printf(Locale.ROOT, "batched scoring: %.1f images/s; serve / batched = %.0f %%%n", batched,
                        100 * r.ratio());
            } else {
                out.printf(Locale.ROOT, "batched scoring: %.1f images/s; no serve / batched ratio: %d of %d requests"
                        + " failed (the server log says why)%n", batched, failures, requests);
            }
            return r;
        }
    }

    /** The same config on a free port of this machine. */
    private static ServeConfig rebind(ServeConfig c) {
        ServeConfig.Builder b = ServeConfig.builder().host("127.0.0.1").port(0).token(c.token())
                .maxUploadBytes(c.maxUploadBytes()).maxPixels(c.maxPixels()).batchWindowMillis(c.batchWindowMillis())
                .maxBatch(c.maxBatch()).queueCapacity(c.queueCapacity());
        c.models().forEach(b::model);
        return b.build();
    }

    private static double batchedImagesPerSecond(ModelSource model, List<Path> images, int batch, PrintStream out)
            throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (Path p : images) {
            samples.add(new Sample(p.toString(), p, Label.REAL, "bench", "test", new Origin(p, 0)));
        }
        try (Scorer scorer = model.arch() == null ? Scorer.open(model.location())
                : Scorer.open(model.location(), model.arch(), true)) {
            // warm-up: one full pass, so every batch shape (the last one is smaller) has been seen once
            scorer.score(samples, batch, null, null, SkipReport.failFast(), null);
            long start = System.nanoTime();
            scorer.score(samples, batch, null, null, SkipReport.failFast(), null);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "batched scoring (Scorer, batch %d): %d images in %.1f s%n", batch, images.size(),
                    seconds);
            return images.size() / seconds;
        }
    }

    /** Posts {@code requests} single-image requests from {@code clients} threads; each latency in ms, -1 if failed. */
    private static long[] post(HttpClient http, URI uri, Api api, List<byte[]> bodies, int requests, int clients,
            String token) throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        byte[] image = bodies.get(i % bodies.size());
                        latencies[i] = api == Api.V1 ? postOne(http, uri, image, "img-" + i + ".png", token)
                                : postJson(http, uri, image, token);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return latencies;
    }

    /** One image as the Open Inference Protocol's JSON: a BYTES tensor of one base64 element (encoded per request, as a client would). */
    private static long postJson(HttpClient http, URI uri, byte[] image, String token) {
        String json = "{\"inputs\":[{\"name\":\"" + cyborg.web.v2.Signature.IMAGES + "\",\"shape\":[1],"
                + "\"datatype\":\"BYTES\",\"data\":[\"" + java.util.Base64.getEncoder().encodeToString(image) + "\"]}]}";
        return send(http, HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    private static long postOne(HttpClient http, URI uri, byte[] image, String name, String token) {
        String boundary = "cyborg-bench-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + image.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(image, 0, body, head.length, image.length);
        System.arraycopy(tail, 0, body, head.length + image.length, tail.length);
        return send(http, HttpRequest.newBuilder(uri)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), token);
    }

    /** Sends one request; its latency in ms, -1 if it failed. */
    private static long send(HttpClient http, HttpRequest.Builder b, String token) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? (System.nanoTime() - start) / 1_000_000 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
