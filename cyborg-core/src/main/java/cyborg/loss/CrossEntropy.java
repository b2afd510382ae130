package cyborg.loss;

import ai.djl.ndarray.NDArray;

/** Mean cross-entropy between the softmax of the logits and the labels ({@code ce}). */
public final class CrossEntropy implements LossTerm {
    @Override
    public String name() {
        return "ce";
    }

    @Override
    public String what() {
        return "cross-entropy of the logits";
    }

    @Override
    public NDArray compute(LossContext c) {
        NDArray logits = c.logits();
        NDArray oneHot = c.labels().oneHot((int) logits.getShape().get(1)).toType(logits.getDataType(), false);
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
    }
}
