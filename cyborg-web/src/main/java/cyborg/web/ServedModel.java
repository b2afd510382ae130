package cyborg.web;

import cyborg.data.Preprocessing;
import cyborg.model.ModelInfo;
import cyborg.model.LoadedModel;
import cyborg.model.Prediction;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A loaded model under its name (and version, if it has one), with the worker that batches its forward passes. */
final class ServedModel implements AutoCloseable {
    final String name;
    /** Null: unversioned. */
    final String version;
    final LoadedModel loaded;
    final BatchWorker worker;

    ServedModel(String name, String version, LoadedModel loaded, BatchWorker worker) {
        this.name = name;
        this.version = version;
        this.loaded = loaded;
        this.worker = worker;
    }

    /** How {@code /api/v1} names a model, in answers, selections and metric labels: {@code NAME} or {@code NAME:VERSION}. */
    static String key(String name, String version) {
        return version == null ? name : name + ":" + version;
    }

    String key() {
        return key(name, version);
    }

    ModelInfo info() {
        return loaded.model().info();
    }

    Preprocessing preprocessing() {
        return loaded.model().preprocessing();
    }

    /** Queues one preprocessed input on the worker; a full queue is the API's 503. */
    CompletableFuture<Prediction> submit(float[] input, boolean cam) {
        try {
            return worker.submit(input, cam);
        } catch (QueueFullException e) {
            if (!worker.running()) { // closed: the server is stopping, not busy
                throw new ApiError(ErrorKind.SHUTTING_DOWN, "the server is shutting down; retry on another instance");
            }
            throw new ApiError(ErrorKind.QUEUE_FULL, e.getMessage());
        }
    }

    /**
     * Waits for a queued input's prediction; {@code image} names it in errors. A NaN or infinite
     * output is the API's {@code not_finite} error, never a score.
     */
    Prediction await(CompletableFuture<Prediction> pending, String image) throws IOException, InterruptedException {
        Prediction prediction;
        try {
            prediction = pending.get();
        } catch (ExecutionException e) {
            throw new IOException("model '" + key() + "' failed on " + image, e.getCause());
        }
        String why = prediction.notFinite(image);
        if (why != null) {
            throw new ApiError(ErrorKind.NOT_FINITE, "model '" + key() + "': " + why, image);
        }
        return prediction;
    }

    /** Ready for inference: loaded (it exists) and its worker taking images. */
    boolean ready() {
        return worker.running();
    }

    /** Finishes the queued images, then frees the model. */
    @Override
    public void close() {
        worker.close();
        loaded.close();
    }
}
