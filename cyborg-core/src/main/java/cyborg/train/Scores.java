package cyborg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/** The detector's score of an image: {@code sigmoid(logit[Synthetic])}, as the reference computes it. */
public final class Scores {
    private Scores() {}

    /** Scores of a batch of logits (batch, 2). */
    public static float[] synthetic(NDArray logits) {
        return logits.get(new NDIndex(":, 1")).getNDArrayInternal().sigmoid().toFloatArray();
    }
}
