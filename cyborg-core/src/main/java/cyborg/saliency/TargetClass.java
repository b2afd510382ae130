package cyborg.saliency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Whose saliency to show: the predicted class (the default), the true label, or a fixed class. */
public enum TargetClass {
    PREDICTED, TRUE, REAL, SYNTHETIC;

    /** The class of each image (int64, batch). */
    NDArray of(NDArray logits, long[] labels, NDManager m) {
        return switch (this) {
            case PREDICTED -> logits.argMax(1);
            case TRUE -> m.create(labels);
            case REAL -> m.zeros(new ai.djl.ndarray.types.Shape(labels.length), ai.djl.ndarray.types.DataType.INT64);
            case SYNTHETIC -> m.ones(new ai.djl.ndarray.types.Shape(labels.length), ai.djl.ndarray.types.DataType.INT64);
        };
    }
}
