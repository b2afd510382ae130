package cyborg.web;

import cyborg.data.Preprocessing;
import cyborg.model.ModelInfo;
import cyborg.model.LoadedModel;

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
