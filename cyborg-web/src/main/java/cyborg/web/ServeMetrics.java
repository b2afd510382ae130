package cyborg.web;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * What /metrics reports, in the Prometheus text format: one registry per server, with the
 * client's standard JVM and process collectors ({@code jvm_*}, {@code process_*}) beside cyborg's own.
 */
final class ServeMetrics {
    /**
     * The JVM's and the process's collectors, once per JVM: the client keeps every registry it
     * registered them in (and their GC listeners) for the JVM's life, which a registry per server
     * would leak in a JVM that starts several (tests, serve-bench).
     */
    private static final PrometheusRegistry JVM = new PrometheusRegistry();

    static {
        JvmMetrics.builder().register(JVM);
    }

    private final PrometheusRegistry registry = new PrometheusRegistry();

    private final Counter requests = Counter.builder().name("cyborg_http_requests_total")
            .help("HTTP requests by route, method and status").labelNames("route", "method", "status")
            .register(registry);
    private final Histogram latency = Histogram.builder().name("cyborg_http_request_duration_seconds")
            .help("HTTP request latency by route").labelNames("route")
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
            .register(registry);
    private final Histogram batchSizes = Histogram.builder().name("cyborg_batch_size_images")
            .help("Images per forward pass, by model").labelNames("model")
            .classicUpperBounds(1, 2, 4, 8, 16, 32, 64).register(registry);
    private final Counter errors = Counter.builder().name("cyborg_errors_total")
            .help("Failed requests by kind").labelNames("kind").register(registry);

    /** Reports the images waiting for a forward pass, over all models. */
    void queueDepth(Supplier<Integer> depth) {
        GaugeWithCallback.builder().name("cyborg_queue_depth_images")
                .help("Images waiting for a forward pass, over all models")
                .callback(cb -> cb.call(depth.get())).register(registry);
    }

    void request(String route, String method, int status, double seconds) {
        requests.labelValues(route, method, Integer.toString(status)).inc();
        latency.labelValues(route).observe(seconds);
    }

    void batchSize(String model, int images) {
        batchSizes.labelValues(model).observe(images);
    }

    void error(ErrorKind kind) {
        errors.labelValues(kind.label).inc();
    }

    /** The text exposition of every metric. */
    byte[] scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        writer.write(out, registry.scrape());
        writer.write(out, JVM.scrape()); // the text format is a list of families: two lists concatenate
        return out.toByteArray();
    }

    static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
