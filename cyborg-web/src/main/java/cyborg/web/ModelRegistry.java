package cyborg.web;

import cyborg.model.ComputeDevice;
import cyborg.model.LoadedModel;
import cyborg.model.ModelRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The models the server loaded at start, in load order, each with its batching worker. */
final class ModelRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    private final List<ServedModel> models;

    private ModelRegistry(List<ServedModel> models) {
        this.models = List.copyOf(models);
    }

    /** Loads every model of {@code config}; if one fails, those loaded are freed and the error names it. */
    static ModelRegistry load(ServeConfig config, ServeMetrics metrics) throws IOException {
        List<String> names = ModelNames.assign(config.models());
        List<ServedModel> loaded = new ArrayList<>();
        try {
            for (int i = 0; i < names.size(); i++) {
                ModelSource source = config.models().get(i);
                LoadedModel model = LoadedModel.open(new ModelRequest(source.location(), source.arch(), null, true),
                        ComputeDevice.CPU);
                if (model.model().note() != null) {
                    LOG.warn("model '{}': {}", names.get(i), model.model().note());
                }
                loaded.add(new ServedModel(names.get(i), model, new BatchWorker(names.get(i), model, config, metrics)));
                LOG.info("loaded model '{}' ({}, {} px) from {}", names.get(i),
                        model.model().info().architecture, model.model().info().inputSize, source.location());
            }
        } catch (IOException | RuntimeException e) {
            loaded.forEach(ServedModel::close);
            throw e;
        }
        return new ModelRegistry(loaded);
    }

    List<ServedModel> all() {
        return models;
    }

    /** The model called {@code name}, or every model when {@code name} is null or blank. */
    List<ServedModel> select(String name) {
        if (name == null || name.isBlank()) {
            return models;
        }
        for (ServedModel m : models) {
            if (m.name.equals(name.strip())) {
                return List.of(m);
            }
        }
        throw new ApiError(ErrorKind.UNKNOWN_MODEL, "no model named '" + name + "'; loaded: " + names()
                + " (GET /api/v1/models lists them)");
    }

    String names() {
        return models.stream().map(m -> m.name).collect(Collectors.joining(", "));
    }

    /** Images waiting, over all models. */
    int queued() {
        return models.stream().mapToInt(m -> m.worker.depth()).sum();
    }

    @Override
    public void close() {
        models.forEach(ServedModel::close);
    }
}
