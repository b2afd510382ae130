package cyborg.model;

import ai.djl.ndarray.NDManager;
import cyborg.data.Preprocessing;
import cyborg.io.Json;
import cyborg.io.SafeTensors;
import cyborg.io.TensorData;
import cyborg.nn.StateDict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A trained model on disk: a folder with {@code model.safetensors} (torchvision parameter names)
 * and the {@code model.json} sidecar. {@code --model DIR} accepts such a folder, a run folder of
 * {@code --runs} (its best run is not guessed: pass {@code DIR/run-K}), or the safetensors file.
 */
public final class SavedModel {
    public static final String WEIGHTS = "model.safetensors";
    public static final String SIDECAR = "model.json";

    private final ModelInfo info;
    private final CamNetwork network;

    private SavedModel(ModelInfo info, CamNetwork network) {
        this.info = info;
        this.network = network;
    }

    public ModelInfo info() {
        return info;
    }

    public CamNetwork network() {
        return network;
    }

    /** The preprocessing the model was trained with. */
    public Preprocessing preprocessing() {
        return new Preprocessing(info.inputSize, info.mean, info.std);
    }

    /** Writes weights then sidecar, each atomically, into {@code dir}. */
    public static void save(Path dir, CamNetwork network, ModelInfo info) throws IOException {
        Files.createDirectories(dir);
        SafeTensors.write(dir.resolve(WEIGHTS), StateDict.of(network.module()),
                Map.of("format", "pt", "architecture", info.architecture));
        Json.write(dir.resolve(SIDECAR), info);
    }

    /** The CAM's spatial size (h, w) of {@code net} at input {@code size}, from one probe forward pass. */
    public static int[] camSize(CamNetwork net, NDManager manager, int size) {
        try (NDManager probe = manager.newSubManager()) {
            net.module().setTraining(false);
            long[] shape = net.forwardToCam(probe.zeros(new ai.djl.ndarray.types.Shape(1, 3, size, size)))
                    .features().getShape().getShape();
            return new int[] {(int) shape[2], (int) shape[3]};
        }
    }

    /**
     * A model from outside weights (a PyTorch checkpoint or safetensors file with torchvision's
     * names and a 2-way head) for {@code arch} at its native size and normalisation.
     *
     * @param strict refuse keys the network lacks
     */
    public static SavedModel fromWeights(Path file, Architecture arch, NDManager manager, boolean strict)
            throws IOException {
        CamNetwork net = arch.forLoading(manager);
        Weights.load(net, Weights.read(file), file, strict);
        net.module().setTraining(false);
        ModelInfo info = ModelInfo.of(arch, arch.nativeSize(), camSize(net, manager, arch.nativeSize()));
        info.loss = "imported from " + file.getFileName();
        info.camClass = "predicted";
        info.metrics = new java.util.LinkedHashMap<>();
        return new SavedModel(info, net);
    }

    /**
     * Reads the description ({@value #SIDECAR}) of a model folder (or of its safetensors file)
     * without its weights, after checking that both files are there.
     */
    public static ModelInfo readInfo(Path location) throws IOException {
        Path dir = folder(location);
        Path sidecar = dir.resolve(SIDECAR);
        if (!Files.isRegularFile(sidecar) || !Files.isRegularFile(dir.resolve(WEIGHTS))) {
            String hint = Files.isDirectory(dir.resolve("run-1"))
                    ? " (this folder holds several runs: pass one of them, e.g. " + dir.resolve("run-1") + ")"
                    : " (train one with `cyborg train --out DIR`)";
            throw new IOException(location + ": not a cyborg model folder; expected " + SIDECAR
                    + " and " + WEIGHTS + hint);
        }
        ModelInfo info;
        try {
            info = Json.read(sidecar, ModelInfo.class);
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; restore model.json from the training run, or retrain", e);
        }
        SidecarCheck.fields(info, sidecar);
        return info;
    }

    private static Path folder(Path location) {
        return Files.isDirectory(location) ? location : location.toAbsolutePath().getParent();
    }

    /** Loads a model folder (or its safetensors file) into arrays owned by {@code manager}. */
    public static SavedModel load(Path location, NDManager manager) throws IOException {
        ModelInfo info = readInfo(location);
        Path dir = folder(location);
        Path sidecar = dir.resolve(SIDECAR);
        Path weights = dir.resolve(WEIGHTS);
        Architecture arch = info.architectureEnum();
        CamNetwork net = arch.forLoading(manager);
        Map<String, TensorData> state;
        try {
            state = SafeTensors.read(weights);
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; copy " + WEIGHTS + " again from the training run, or retrain", e);
        }
        try {
            StateDict.load(net.module(), state, true);
        } catch (IllegalArgumentException e) {
            throw new IOException(weights + ": " + e.getMessage() + "; these are not the weights of the "
                    + arch.id() + " that " + SIDECAR + " describes: copy both files from the same run", e);
        }
        net.module().setTraining(false);
        SidecarCheck.againstNetwork(info, net, manager, sidecar);
        return new SavedModel(info, net);
    }
}
