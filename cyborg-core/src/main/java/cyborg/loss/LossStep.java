package cyborg.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The loss and backward pass of one training batch, leaving {@code d total / d theta} in the
 * parameters' gradients (added to what they held), for any loss, including those that
 * differentiate through the input gradient ({@code rrr}). Use it inside the step's gradient
 * collector:
 * <pre>
 * try (LossStep step = LossStep.begin(gc, loss, params, x)) {
 *     CamOutput out = net.forward(x);
 *     CompositeLoss.Value v = step.compute(new LossContext(..., x, inputMaps));
 *     step.backward(v.total());
 * }
 * </pre>
 *
 * <p>Without an input-gradient term this is {@code loss.compute} and {@code gc.backward}. With
 * one, the input gradient g is a first backward pass that keeps its graph
 * ({@link LossContext#inputGradient}). PyTorch accumulates that pass into every leaf, so the
 * parameters would receive {@code d s/d theta} on top of the loss's gradient and keep a gradient
 * that carries the graph (create_graph's reference cycle; DJL cannot reset a gradient to None,
 * and the next step's accumulation would chain onto it). So for the step every parameter array
 * the model reads is swapped for a view of the parameter (not a leaf: nothing accumulates in it,
 * and its backward leads to the parameter), and the parameters stop requiring gradient during
 * the forward and the input-gradient pass (PyTorch's AccumulateGrad skips them; the graph still
 * reaches them through the views, so g stays differentiable in theta). Before the final backward
 * they require gradient again, which therefore accumulates exactly {@code d total / d theta},
 * as a plain gradient. {@link #close} restores the arrays (also after an exception). The input's
 * gradient is left as g (the final backward does not add into it).
 *
 * <p>g itself comes from {@code torch.autograd.grad} ({@link InputGradient}), which stores it
 * nowhere: with {@code backward(create_graph=True)} the input kept g in its gradient, whose graph
 * led back to the input, a reference cycle that kept every step's graph alive (about 60 MB a step
 * at 64 px) because DJL cannot set a gradient to None. The stand-ins still matter: they keep the
 * final backward's parameter gradients free of anything but {@code d total / d theta}.
 */
public final class LossStep implements AutoCloseable {
    private final GradientCollector collector;
    private final CompositeLoss loss;
    private final NDArray input;
    private final List<NDArray> params;
    /** Second handles on the real parameters while the stand-ins occupy the arrays. */
    private final List<PtNDArray> originals = new ArrayList<>();
    private boolean backwardDone;

    private LossStep(GradientCollector collector, CompositeLoss loss, Collection<NDArray> params, NDArray input) {
        this.collector = collector;
        this.loss = loss;
        this.input = input;
        this.params = List.copyOf(params);
    }

    /**
     * Prepares a step; call it before the forward pass.
     *
     * @param collector the step's gradient collector (open)
     * @param params every trainable parameter array of the model (the arrays the model reads)
     * @param input the batch (a fresh leaf); made to require gradient when the loss needs it
     */
    public static LossStep begin(GradientCollector collector, CompositeLoss loss, Collection<NDArray> params,
            NDArray input) {
        LossStep step = new LossStep(collector, loss, params, input);
        if (loss.usesInputGradient()) {
            step.swapInStandIns();
            input.setRequiresGradient(true);
        }
        return step;
    }

    /** Computes the loss on the batch (after the forward pass). */
    public CompositeLoss.Value compute(LossContext context) {
        CompositeLoss.Value v = loss.compute(context);
        if (!originals.isEmpty()) {
            // the input-gradient pass is done: the final backward accumulates into the parameters again,
            // and no longer into the input, whose gradient stays g
            originals.forEach(p -> p.setRequiresGradient(true));
            input.setRequiresGradient(false);
        }
        return v;
    }

    /** Backward of the total loss into the parameters' gradients. */
    public void backward(NDArray total) {
        if (backwardDone) {
            throw new IllegalStateException("backward already ran for this step");
        }
        backwardDone = true;
        collector.backward(total);
    }

    /** Restores the real parameters. */
    @Override
    public void close() {
        for (int i = originals.size() - 1; i >= 0; i--) {
            originals.get(i).setRequiresGradient(true);
            ((PtNDArray) params.get(i)).intern(originals.get(i)); // drops the view, closes the second handle
        }
        originals.clear();
    }

    private void swapInStandIns() {
        try {
            for (NDArray p : params) {
                PtNDArray array = (PtNDArray) p;
                // a second handle on the same tensor (to() with nothing to change returns the tensor itself)
                originals.add(JniUtils.to(array, array.getDataType(), array.getDevice()));
                // a view: not a leaf, so no gradient accumulates in it; its backward leads to the parameter
                NDArray standIn = array.reshape(array.getShape());
                array.intern(standIn);
            }
            // no accumulation into the parameters while the input-gradient pass runs (AccumulateGrad
            // skips a tensor that does not require gradient; the graph still reaches it through the views)
            originals.forEach(p -> p.setRequiresGradient(false));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }
}
