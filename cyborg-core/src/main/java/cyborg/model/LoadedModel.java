package cyborg.model;

import ai.djl.ndarray.NDManager;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.nn.BatchNormFolding;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A saved model loaded for inference, with the memory it lives in: what scoring, saliency and
 * the demo open, run images through, and close.
 */
public final class LoadedModel implements AutoCloseable {
    private final NDManager manager;
    private final SavedModel model;
    private final Inference inference;

    private LoadedModel(NDManager manager, SavedModel model) {
        this.manager = manager;
        this.model = model;
        this.inference = Inference.of(model);
    }

    /** Loads a PyTorch or safetensors weight file for {@code arch} (see {@link SavedModel#open}), on the CPU. */
    public static LoadedModel open(Path weights, Architecture arch, boolean strict) throws IOException {
        return open(weights, arch, strict, ComputeDevice.CPU);
    }

    /** Loads a PyTorch or safetensors weight file for {@code arch} onto {@code device}. */
    public static LoadedModel open(Path weights, Architecture arch, boolean strict, ComputeDevice device)
            throws IOException {
        return open(new ModelRequest(weights, arch, null, strict), device);
    }

    /** Loads the model at {@code location} (a model folder, its safetensors file, or a described weight file), on the CPU. */
    public static LoadedModel open(Path location) throws IOException {
        return open(location, ComputeDevice.CPU);
    }

    /** Loads the model at {@code location} (a model folder, its safetensors file, or a described weight file) onto {@code device}. */
    public static LoadedModel open(Path location, ComputeDevice device) throws IOException {
        return open(ModelRequest.of(location), device);
    }

    /** Loads what {@code request} names (see {@link SavedModel#open}) onto {@code device}. */
    public static LoadedModel open(ModelRequest request, ComputeDevice device) throws IOException {
        return open(request, device, 0);
    }

    /** As above, onto GPU {@code gpu} (0-based) when {@code device} is {@link ComputeDevice#GPU}. */
    public static LoadedModel open(ModelRequest request, ComputeDevice device, int gpu) throws IOException {
        return load(device, gpu, manager -> SavedModel.open(request, manager));
    }

    /** How a model's arrays are made in a given manager. */
    @FunctionalInterface
    private interface Loader {
        SavedModel into(NDManager manager) throws IOException;
    }

    /** Loads into a fresh manager on {@code device}, closing it again if loading fails. */
    private static LoadedModel load(ComputeDevice device, int gpu, Loader loader) throws IOException {
        EngineThreads.inferenceOnThisThread(); // loading copies into parameters in place: no graph may record it
        NDManager manager = device.newManager(gpu);
        try {
            SavedModel model = loader.into(manager);
            // a loaded model only runs inference: each batch norm becomes part of its convolution
            BatchNormFolding.fold(model.network().module(), model.info().camLayer);
            return new LoadedModel(manager, model);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The model: network, preprocessing and what model.json says. */
    public SavedModel model() {
        return model;
    }

    /** Runs {@code samples} through the model's {@link Inference} path, handing each batch's outputs to {@code sink}. */
    public void run(List<Sample> samples, int batchSize, SkipReport skips, String task, PrintStream console,
            Inference.Sink sink) throws IOException {
        EngineThreads.inferenceOnThisThread();
        inference.run(samples, batchSize, skips, task, console, manager, sink);
    }

    /**
     * Runs one batch of in-memory images (see {@link Inference#run(cyborg.data.Batch, NDManager, Inference.Sink)})
     * in a scratch manager of the model's, closed after. One thread at a time per model.
     */
    public void run(cyborg.data.Batch batch, Inference.Sink sink) throws IOException {
        EngineThreads.inferenceOnThisThread();
        inference.run(batch, manager, sink);
    }

    @Override
    public void close() {
        manager.close();
    }
}
