package cyborg.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Base of every network part: owns tensors and child modules under names that concatenate with
 * dots into torchvision's state-dict keys (e.g. {@code layer4.1.conv2.weight}).
 */
public abstract class Module {
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;
    /** Set on a module whose own tensors an inference-only rewrite (batch-norm folding) changed. */
    private boolean foldedForInference;

    /** Registers a child module under {@code name} and returns it. */
    protected final <M extends Module> M child(String name, M module) {
        if (children.putIfAbsent(name, module) != null) {
            throw new IllegalArgumentException("duplicate child module " + name);
        }
        return module;
    }

    /** Creates a tensor of {@code shape} filled by {@code init} and registers it. */
    protected final NDArray tensor(
            String name, NDManager manager, Shape shape, Init init, Random rng, boolean trainable) {
        long fanIn = shape.dimension() > 1 ? shape.size() / shape.get(0) : shape.size();
        long fanOut = shape.dimension() > 1 ? shape.size() / shape.get(1) : shape.size();
        NDArray array = rng == Init.FOR_LOADING
                ? manager.zeros(shape)
                : manager.create(init.values(Math.toIntExact(shape.size()), fanIn, fanOut, rng), shape);
        register(name, array, trainable);
        return array;
    }

    /** Registers an existing array (e.g. an integer counter) as a non-trainable buffer. */
    protected final void register(String name, NDArray array, boolean trainable) {
        if (tensors.putIfAbsent(name, new Tensor(array, trainable)) != null) {
            throw new IllegalArgumentException("duplicate tensor " + name);
        }
    }

    /** Creates a scalar int64 buffer, as torchvision's {@code num_batches_tracked}. */
    protected final NDArray counter(String name, NDManager manager) {
        NDArray array = manager.create(0L).toType(DataType.INT64, false);
        register(name, array, false);
        return array;
    }

    /** Every tensor of this module and its descendants under its dotted name, in order. */
    public final Map<String, Tensor> namedTensors() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out);
        return Collections.unmodifiableMap(out);
    }

    /** The trainable tensors' arrays, in state-dict order. */
    public final List<NDArray> trainableArrays() {
        List<NDArray> out = new ArrayList<>();
        for (Tensor t : namedTensors().values()) {
            if (t.trainable()) {
                out.add(t.array());
            }
        }
        return out;
    }

    private void collect(String prefix, Map<String, Tensor> out) {
        tensors.forEach((name, t) -> out.put(prefix + name, t));
        children.forEach((name, m) -> m.collect(prefix + name + ".", out));
    }

    /**
     * Switches this module and its descendants between training and inference behaviour. A module
     * rewritten for inference ({@link BatchNormFolding}) refuses training: its batch norms lost their
     * statistics to the convolutions.
     */
    public final void setTraining(boolean training) {
        if (training && isFoldedForInference()) { // checked once, before any module switches
            throw new IllegalStateException("this network's batch norms were folded into its convolutions for"
                    + " inference; load its weights into a new network to train it");
        }
        applyTraining(training);
    }

    private void applyTraining(boolean training) {
        this.training = training;
        children.values().forEach(m -> m.applyTraining(training));
    }

    /** Marks this module as rewritten for inference (see {@link #setTraining}). */
    final void markFoldedForInference() {
        foldedForInference = true;
    }

    /** Whether an inference-only rewrite changed this module or one of its descendants. */
    public final boolean isFoldedForInference() {
        return foldedForInference || children.values().stream().anyMatch(Module::isFoldedForInference);
    }

    /** The direct child modules by name, in registration order. */
    final Map<String, Module> childModules() {
        return Collections.unmodifiableMap(children);
    }

    /** Whether batch norm uses batch statistics and updates its running averages. */
    public final boolean isTraining() {
        return training;
    }
}
