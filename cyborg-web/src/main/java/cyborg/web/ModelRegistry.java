package cyborg.web;

import cyborg.model.ComputeDevice;
import cyborg.model.LoadedModel;
import cyborg.model.ModelRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The models the server serves, in command-line order, each with its batching worker. The server
 * listens while they load ({@link #load}), so that liveness and readiness can differ: until every
 * model is loaded the registry is not {@link #ready()} and scoring requests get 503.
 */
final class ModelRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    /** Where loading stands. */
    enum State { LOADING, READY, FAILED, CLOSED }

    private final List<ModelSource> sources;
    private final List<String> names;
    private final List<ServedModel> loaded = new CopyOnWriteArrayList<>();
    private volatile State state = State.LOADING;

    /** Names the models of {@code config} (refusing clashes at once, before anything loads); none is loaded yet. */
    ModelRegistry(ServeConfig config) {
        this.sources = config.models();
        this.names = ModelNames.assign(sources);
    }

    /**
     * Loads every model, in order; if one fails, those loaded are freed, the registry is {@code FAILED}
     * and the error names the model. Runs once, on the server's loading thread.
     */
    void load(ServeConfig config, ServeMetrics metrics) throws IOException {
        try {
            for (int i = 0; i < names.size(); i++) {
                config.beforeLoad.accept(i);
                ModelSource source = sources.get(i);
                String key = ServedModel.key(names.get(i), source.version());
                LoadedModel model = LoadedModel.open(new ModelRequest(source.location(), source.arch(), null, true),
                        ComputeDevice.CPU);
                ServedModel served;
                try {
                    if (model.model().note() != null) {
                        LOG.warn("model '{}': {}", key, model.model().note());
                    }
                    served = new ServedModel(names.get(i), source.version(), model,
                            new BatchWorker(key, model, config, metrics));
                } catch (RuntimeException e) {
                    model.close();
                    throw e;
                }
                if (!add(served)) {
                    return; // closed while it loaded
                }
                LOG.info("loaded model '{}' ({}, {} px) from {}", key, model.model().info().architecture,
                        model.model().info().inputSize, source.location());
            }
        } catch (IOException e) { // a missing or unreadable model: its message says what to do
            LOG.error("a model failed to load; the server is not ready: {}", e.getMessage());
            fail();
            throw e;
        } catch (RuntimeException e) {
            LOG.error("a model failed to load; the server is not ready", e);
            fail();
            throw e;
        }
        synchronized (this) {
            if (state == State.LOADING) {
                state = State.READY;
            }
        }
    }

    /** Adds a model just loaded, or frees it when the registry was closed meanwhile. */
    private synchronized boolean add(ServedModel model) {
        if (state != State.LOADING) {
            model.close();
            return false;
        }
        loaded.add(model);
        return true;
    }

    private synchronized void fail() {
        if (state == State.LOADING) {
            state = State.FAILED;
        }
        loaded.forEach(ServedModel::close);
        loaded.clear();
    }

    State state() {
        return state;
    }

    /** Every model loaded and its worker running (the Open Inference Protocol's "server ready"). */
    boolean ready() {
        return state == State.READY && loaded.stream().allMatch(ServedModel::ready);
    }

    /** Whether a loaded model's worker stopped on its own (not closed): the process needs a restart. */
    boolean workerDied() {
        return state == State.READY && loaded.stream().anyMatch(m -> !m.ready());
    }

    /** The models loaded so far, in order. */
    List<ServedModel> all() {
        return List.copyOf(loaded);
    }

    /** How many models the server serves once loaded. */
    int expected() {
        return names.size();
    }

    /**
     * {@code /api/v1}'s selection: the model called {@code name} ({@code NAME} or {@code NAME:VERSION};
     * a bare name of a versioned model is its {@linkplain #find default version}), or every model when
     * {@code name} is null or blank. Refused (503) until every model is loaded.
     */
    List<ServedModel> select(String name) {
        requireReady();
        if (name == null || name.isBlank()) {
            return all();
        }
        String wanted = name.strip();
        for (ServedModel m : loaded) {
            if (m.key().equals(wanted)) {
                return List.of(m);
            }
        }
        return List.of(find(wanted, null));
    }

    /**
     * The model {@code name} at {@code version}; with a null version, its highest version (numeric
     * versions by value, others by text; an unversioned model is its own only version), chosen among
     * all the versions the server serves, not only those loaded yet. Refused (503) while that model is
     * still loading (or after the models failed to load), 404 when the server has no such model.
     */
    ServedModel find(String name, String version) {
        String wanted = version;
        if (wanted == null) {
            List<String> versions = versions(name);
            wanted = versions.isEmpty() ? null : versions.stream().max(ModelRegistry::compareVersions).orElseThrow();
        }
        for (ServedModel m : loaded) {
            if (m.name.equals(name) && java.util.Objects.equals(m.version, wanted)) {
                return m;
            }
        }
        if (planned(name, wanted)) {
            throw notReady();
        }
        throw new ApiError(ErrorKind.UNKNOWN_MODEL, "no model named '" + ServedModel.key(name, version)
                + "'; served: " + plannedKeys() + " (GET /api/v1/models lists them)");
    }

    /** The versions of {@code name}, in command-line order (empty for an unversioned model). */
    List<String> versions(String name) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name) && sources.get(i).version() != null) {
                out.add(sources.get(i).version());
            }
        }
        return out;
    }

    private boolean planned(String name, String version) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name) && java.util.Objects.equals(version, sources.get(i).version())) {
                return true;
            }
        }
        return false;
    }

    private void requireReady() {
        if (state != State.READY) {
            throw notReady();
        }
    }

    private ApiError notReady() {
        return switch (state) {
            case LOADING -> new ApiError(ErrorKind.NOT_READY, "the models are still loading (" + loaded.size()
                    + " of " + names.size() + " loaded); retry when GET /v2/health/ready answers 200");
            case FAILED -> new ApiError(ErrorKind.NOT_READY, "the models failed to load; the server log says why");
            default -> new ApiError(ErrorKind.SHUTTING_DOWN, "the server is shutting down; retry on another instance");
        };
    }

    private String plannedKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            keys.add(ServedModel.key(names.get(i), sources.get(i).version()));
        }
        return String.join(", ", keys);
    }

    /** Versions in order: numbers by value, before any other text; texts by character. Null (unversioned) first. */
    static int compareVersions(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        boolean na = a.chars().allMatch(Character::isDigit);
        boolean nb = b.chars().allMatch(Character::isDigit);
        if (na && nb) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        return na ? -1 : nb ? 1 : a.compareTo(b);
    }

    String names() {
        return loaded.stream().map(ServedModel::key).collect(Collectors.joining(", "));
    }

    /** Images waiting, over all models. */
    int queued() {
        return loaded.stream().mapToInt(m -> m.worker.depth()).sum();
    }

    /** Stops loading (after the model being loaded) and frees every loaded model. */
    @Override
    public synchronized void close() {
        state = State.CLOSED;
        loaded.forEach(ServedModel::close);
        loaded.clear();
    }
}
