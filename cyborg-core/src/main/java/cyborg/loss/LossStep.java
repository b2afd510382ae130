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
 * ({@link LossContext#inputGradient}); PyTorch accumulates that pass into every leaf, so the
 * parameters would receive {@code d s/d theta} on top of the loss's gradient and, worse, keep a
 * gradient that carries the graph (PyTorch's create_graph reference cycle: the next step's
 * accumulation would chain onto it, and DJL cannot reset a gradient to None). So for the step
 * every parameter array is swapped for a stand-in leaf sharing its storage: the forward pass and
 * both backward passes act on the stand-ins; the first pass's accumulation is zeroed before the
 * final backward (the stand-ins' gradients after it are exactly {@code d total / d theta}); that
 * gradient is then added to the real parameters by a backward pass of
 * {@code sum(theta * stopgrad(grad))}, which leaves them a plain gradient; {@link #close}
 * restores the parameters (also after an exception). The input's own gradient is left as g.
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
            // drop what the input-gradient pass accumulated into the stand-ins (NoGradGuard, in place)
            for (NDArray p : params) {
                JniUtils.zeroGrad((PtNDArray) p);
            }
            // keep g as the input's gradient: the final backward must not add into it in place
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
        if (originals.isEmpty()) {
            return;
        }
        NDArray transfer = null;
        List<NDArray> temporaries = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            NDArray grad = params.get(i).getGradient();
            NDArray plain = grad.stopGradient();
            NDArray product = originals.get(i).mul(plain).sum();
            temporaries.addAll(List.of(grad, plain, product));
            transfer = transfer == null ? product : transfer.add(product);
            temporaries.add(transfer);
        }
        if (transfer != null) {
            collector.backward(transfer);
        }
        temporaries.forEach(NDArray::close);
    }

    /** Restores the real parameters. */
    @Override
    public void close() {
        for (int i = originals.size() - 1; i >= 0; i--) {
            ((PtNDArray) params.get(i)).intern(originals.get(i)); // drops the stand-in, closes the second handle
        }
        originals.clear();
    }

    private void swapInStandIns() {
        try {
            for (NDArray p : params) {
                PtNDArray array = (PtNDArray) p;
                // a second handle on the same tensor (to() with nothing to change returns the tensor itself)
                originals.add(JniUtils.to(array, array.getDataType(), array.getDevice()));
                NDArray standIn = array.stopGradient(); // a new leaf sharing the storage
                standIn.setRequiresGradient(true);
                array.intern(standIn);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }
}
