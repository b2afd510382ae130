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
 * {@code --runs} (its best run is not guessed: pass {@code DIR/run-K}), or the safetensors file;
 * {@code --model FILE} a lone weight file, described by {@code FILE.json} ({@link WeightSidecar})
 * or by {@code --arch} and {@code --size} ({@link #open}).
 */
public final class SavedModel {
    public static final String WEIGHTS = "model.safetensors";
    public static final String SIDECAR = "model.json";

    private final ModelInfo info;
    private final CamNetwork network;
    private final String note;

    private SavedModel(ModelInfo info, CamNetwork network, String note) {
        this.info = info;
        this.network = network;
        this.note = note;
    }

    public ModelInfo info() {
        return info;
    }

    /**
     * What a command should tell the user about how the model was read, or null: a weight file
     * without a description was given the defaults this says (architecture's native size or
     * {@code --size}, the architecture's usual normalisation).
     */
    public String note() {
        return note;
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
     * Opens what {@code request} names. A model folder is read as {@link #load} reads it. A weight
     * file (a PyTorch checkpoint or safetensors file with torchvision's names and a 2-way head) is
     * read with its description ({@link WeightSidecar}, written by {@code cyborg export}) when it
     * has one; without one it takes {@code --arch} (required: the file does not say), {@code --size}
     * or the architecture's native size, and the architecture's normalisation, and {@link #note()}
     * says so. An {@code --arch} or {@code --size} that contradicts a description is refused.
     */
    public static SavedModel open(ModelRequest request, NDManager manager) throws IOException {
        Path location = request.location();
        if (!request.isWeightFile()) {
            request.agreeWith(readInfo(location), folder(location).resolve(SIDECAR));
            return load(location, manager);
        }
        ModelInfo described = WeightSidecar.read(location);
        if (described != null) {
            request.agreeWith(described, WeightSidecar.of(location));
            CamNetwork net = weights(location, described.architectureEnum(), manager, request.strict());
            SidecarCheck.againstNetwork(described, net, manager, WeightSidecar.of(location));
            return new SavedModel(described, net, null);
        }
        Architecture arch = request.arch();
        if (arch == null) {
            throw new IOException(location + ": a weight file without a description (no "
                    + WeightSidecar.of(location).getFileName() + " beside it), so its architecture is unknown: add"
                    + " --arch NAME (one of " + Architecture.names() + ") and, if it was not trained at the"
                    + " architecture's native size, --size PX");
        }
        int size = request.size() == null ? arch.nativeSize() : arch.requireSize("--size", request.size());
        CamNetwork net = weights(location, arch, manager, request.strict());
        ModelInfo info = ModelInfo.of(arch, size, camSize(net, manager, size));
        info.loss = "imported from " + location.getFileName();
        info.camClass = "predicted";
        info.metrics = new java.util.LinkedHashMap<>();
        String note = location + " has no description (" + WeightSidecar.of(location).getFileName() + "): read as "
                + arch.id() + " at " + size + " px (" + (request.size() == null
                        ? "its native size; pass --size if it was trained at another" : "--size")
                + "), normalised with mean " + java.util.Arrays.toString(info.mean) + " and std "
                + java.util.Arrays.toString(info.std);
        return new SavedModel(info, net, note);
    }

    /** The network of {@code arch} with the weights of {@code file}, in inference mode. */
    private static CamNetwork weights(Path file, Architecture arch, NDManager manager, boolean strict)
            throws IOException {
        CamNetwork net = arch.forLoading(manager);
        Weights.load(net, Weights.read(file), file, strict);
        net.module().setTraining(false);
        return net;
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
        return new SavedModel(info, net, null);
    }
}
