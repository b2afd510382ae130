package cyborg.web;

import cyborg.data.Preprocessing;
import cyborg.model.ModelInfo;
import cyborg.model.LoadedModel;

/** A loaded model under its name, with the worker that batches its forward passes. */
final class ServedModel implements AutoCloseable {
    final String name;
    final LoadedModel loaded;
    final BatchWorker worker;

    ServedModel(String name, LoadedModel loaded, BatchWorker worker) {
        this.name = name;
        this.loaded = loaded;
        this.worker = worker;
    }

    ModelInfo info() {
        return loaded.model().info();
    }

    Preprocessing preprocessing() {
        return loaded.model().preprocessing();
    }

    /** Finishes the queued images, then frees the model. */
    @Override
    public void close() {
        worker.close();
        loaded.close();
    }
}
