package cyborg.loss;

import ai.djl.ndarray.NDArray;

/** One component of a training objective, computed on a batch as a scalar. */
public interface LossTerm {
    /** The name used in loss specifications and logs. */
    String name();

    /** What the term measures, in a phrase, for help texts. */
    String what();

    /** The term's value on the batch, differentiable where the term depends on the model. */
    NDArray compute(LossContext context);

    /**
     * Whether the term reads {@link LossContext#inputGradient()}: then the training step must
     * run under a {@link LossStep} and the human maps are needed at input resolution.
     */
    default boolean needsInputGradient() {
        return false;
    }

    /**
     * Whether the term reads the human maps: on images without one it adds nothing (it is
     * averaged over the images of the batch that have a map).
     */
    default boolean needsMaps() {
        return false;
    }
}
