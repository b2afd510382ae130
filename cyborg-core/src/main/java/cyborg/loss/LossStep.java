package cyborg.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

/**
 * The loss and backward pass of one training batch, leaving {@code d total / d theta} in the
 * parameters' gradients (added to what they held), for any loss, including those that
 * differentiate through the input gradient ({@code rrr}). Use it inside the step's gradient
 * collector:
 * <pre>
 * LossStep step = LossStep.begin(gc, loss, x);
 * CamOutput out = net.forward(x);
 * CompositeLoss.Value v = step.compute(new LossContext(..., x, inputMaps));
 * step.backward(v.total());
 * </pre>
 *
 * <p>Without an input-gradient term this is {@code loss.compute} and {@code gc.backward}. With
 * one, the input must require gradient before the forward pass, so that g = d s / d x can be
 * taken ({@link LossContext#inputGradient}). g comes from {@code torch.autograd.grad}
 * ({@link InputGradient}), which accumulates into no tensor: the parameters receive only the final
 * backward's {@code d total / d theta}, as a plain gradient, and nothing keeps the step's graph
 * alive after the batch. ({@code backward(create_graph=True)}, the only other way DJL offers,
 * put {@code d s / d theta} into the parameters and a graph-carrying g into the input, a
 * reference cycle that kept every step's graph in memory.)
 */
public final class LossStep {
    private final GradientCollector collector;
    private final CompositeLoss loss;
    private boolean backwardDone;

    private LossStep(GradientCollector collector, CompositeLoss loss) {
        this.collector = collector;
        this.loss = loss;
    }

    /**
     * Prepares a step; call it before the forward pass.
     *
     * @param collector the step's gradient collector (open)
     * @param input the batch (a fresh leaf); made to require gradient when the loss needs it
     */
    public static LossStep begin(GradientCollector collector, CompositeLoss loss, NDArray input) {
        if (loss.usesInputGradient()) {
            input.setRequiresGradient(true);
        }
        return new LossStep(collector, loss);
    }

    /** Computes the loss on the batch (after the forward pass). */
    public CompositeLoss.Value compute(LossContext context) {
        return loss.compute(context);
    }

    /** Backward of the total loss into the parameters' gradients. */
    public void backward(NDArray total) {
        if (backwardDone) {
            throw new IllegalStateException("backward already ran for this step");
        }
        backwardDone = true;
        collector.backward(total);
    }
}
