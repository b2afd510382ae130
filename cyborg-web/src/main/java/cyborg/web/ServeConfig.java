package cyborg.web;

import cyborg.model.Architecture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@code cyborg serve} runs: the models it loads, where it listens, and its limits. Build
 * one with {@link #builder()}; every limit has a default fit for a laptop.
 */
public final class ServeConfig {
    /** 20 MB: far above any face photo, small enough that a few dozen uploads fit in memory. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    private static final long MB = 1024 * 1024;
    /** The largest request body: Jetty and the multipart parser count a body's bytes in an int. */
    private static final long MAX_UPLOAD_BYTES = Integer.MAX_VALUE - 8;
    /** {@link #MAX_UPLOAD_BYTES} in whole MB, the most {@code --max-upload-mb} takes. */
    public static final long MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / MB;
    /** 40 megapixels (120 MB decoded): above any camera's photo, refused from the header before decoding. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    /**
     * How long a model's worker waits, after the first image of a batch arrives, for more images
     * to join it: 5 ms costs a lone client 5 ms and lets concurrent clients share forward passes.
     */
    public static final int DEFAULT_BATCH_WINDOW_MILLIS = 5;
    /** 8: on 2 cores the forward pass is as fast per image at 2-8 as at 32 (see `cyborg score --batch`). */
    public static final int DEFAULT_MAX_BATCH = 8;
    /** Images waiting per model before clients get 503: a few seconds of work at CPU speed. */
    public static final int DEFAULT_QUEUE_CAPACITY = 256;

    private final List<ModelSource> models;
    private final String host;
    private final int port;
    private final String token;
    private final long maxUploadBytes;
    private final long maxPixels;
    private final int batchWindowMillis;
    private final int maxBatch;
    private final int queueCapacity;
    private final Path keepUploads;
    /** Test hook: runs on a model's worker before each forward pass (e.g. to hold it). */
    final Runnable beforeForward;
    /** Test hook: runs on the loading thread before model i (0-based) loads (e.g. to hold it). */
    final java.util.function.IntConsumer beforeLoad;

    private ServeConfig(Builder b) {
        this.models = List.copyOf(b.models);
        this.host = b.host;
        this.port = b.port;
        this.token = b.token == null || b.token.isBlank() ? null : b.token;
        this.maxUploadBytes = b.maxUploadBytes;
        this.maxPixels = b.maxPixels;
        this.batchWindowMillis = b.batchWindowMillis;
        this.maxBatch = b.maxBatch;
        this.queueCapacity = b.queueCapacity;
        this.keepUploads = b.keepUploads;
        this.beforeForward = b.beforeForward;
        this.beforeLoad = b.beforeLoad;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<ModelSource> models() {
        return models;
    }

    public String host() {
        return host;
    }

    /** The port; 0 picks a free one (see {@link CyborgServer#port()}). */
    public int port() {
        return port;
    }

    /** The bearer token guarding {@code /api/*} and {@code /metrics}; null: open. */
    public String token() {
        return token;
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    public long maxPixels() {
        return maxPixels;
    }

    public int batchWindowMillis() {
        return batchWindowMillis;
    }

    public int maxBatch() {
        return maxBatch;
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    /** Where uploads are kept, under generated names; null: never written to disk. */
    public Path keepUploads() {
        return keepUploads;
    }

    /** Builds a {@link ServeConfig}; {@link #build()} checks the values. */
    public static final class Builder {
        private final List<ModelSource> models = new ArrayList<>();
        private String host = "127.0.0.1";
        private int port = 8080;
        private String token;
        private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
        private long maxPixels = DEFAULT_MAX_PIXELS;
        private int batchWindowMillis = DEFAULT_BATCH_WINDOW_MILLIS;
        private int maxBatch = DEFAULT_MAX_BATCH;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private Path keepUploads;
        private Runnable beforeForward = () -> { };
        private java.util.function.IntConsumer beforeLoad = i -> { };

        private Builder() {
        }

        /** A cyborg model folder (or its model.safetensors), named after its folder. */
        public Builder model(Path location) {
            return model(new ModelSource(null, location, null));
        }

        /** A PyTorch or safetensors weight file of {@code arch}, named after the file. */
        public Builder model(Path weightsPth, Architecture arch) {
            return model(new ModelSource(null, weightsPth, Objects.requireNonNull(arch, "arch")));
        }

        /** A cyborg model folder under an explicit name. */
        public Builder model(String name, Path location) {
            return model(new ModelSource(name, location, null));
        }

        /** Any model source. */
        public Builder model(ModelSource source) {
            models.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder maxUploadBytes(long bytes) {
            this.maxUploadBytes = bytes;
            return this;
        }

        /** The largest request body in MB, checked here: in bytes a huge value would overflow. */
        public Builder maxUploadMb(long mb) {
            require(mb >= 1 && mb <= MAX_UPLOAD_MB, "--max-upload-mb must be 1.." + MAX_UPLOAD_MB + ", got " + mb);
            this.maxUploadBytes = mb * MB;
            return this;
        }

        public Builder maxPixels(long pixels) {
            this.maxPixels = pixels;
            return this;
        }

        public Builder batchWindowMillis(int millis) {
            this.batchWindowMillis = millis;
            return this;
        }

        public Builder maxBatch(int images) {
            this.maxBatch = images;
            return this;
        }

        public Builder queueCapacity(int images) {
            this.queueCapacity = images;
            return this;
        }

        public Builder keepUploads(Path dir) {
            this.keepUploads = dir;
            return this;
        }

        /** Test hook: runs on a model's worker before each forward pass. */
        Builder beforeForward(Runnable hook) {
            this.beforeForward = Objects.requireNonNull(hook, "hook");
            return this;
        }

        /** Test hook: runs on the loading thread before model i (0-based) loads. */
        Builder beforeLoad(java.util.function.IntConsumer hook) {
            this.beforeLoad = Objects.requireNonNull(hook, "hook");
            return this;
        }

        public ServeConfig build() {
            require(!models.isEmpty(), "no model given; pass at least one --model DIR");
            Listen.requirePort(port);
            // the options' names: the builder's only callers are serve's and serve-bench's options
            require(maxUploadBytes > 0 && maxUploadBytes <= MAX_UPLOAD_BYTES,
                    "max upload size " + maxUploadBytes + " bytes must be 1 byte to " + MAX_UPLOAD_MB + " MB");
            require(maxPixels > 0, "--max-pixels must be at least 1, got " + maxPixels);
            require(batchWindowMillis >= 0, "--batch-window-ms must be 0 or more, got " + batchWindowMillis);
            require(maxBatch >= 1, "--max-batch must be at least 1, got " + maxBatch);
            require(queueCapacity >= 1, "--queue must be at least 1, got " + queueCapacity);
            return new ServeConfig(this);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
