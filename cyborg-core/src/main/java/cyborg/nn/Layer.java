package cyborg.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** A module that maps one array to one array: the building block of sequential networks. */
public abstract class Layer extends Module {
    /** Runs the layer. */
    public abstract NDArray forward(NDArray x);

    /**
     * Runs the layer and frees the Java handles of its intermediate arrays as soon as it is done;
     * the output is attached to the input's manager. A DJL array lives until its manager closes,
     * so without this every activation of a forward pass stayed alive until the end of the batch:
     * in inference the peak memory grew with the batch size (7.3 GB for ResNet-50 at batch 32
     * against PyTorch's 1.1 GB). In training, autograd keeps what backward needs by its own
     * references, and freeing the handles lets backward release each activation once used, as
     * PyTorch does: ResNet-50 at batch 20 peaked at 3.9 GB instead of 4.7 GB, with the same
     * gradients.
     */
    public final NDArray forwardFreeing(NDArray x) {
        NDManager home = x.getManager();
        try (NDManager scope = home.newSubManager()) {
            x.tempAttach(scope); // results of operations on x land in the scope; x itself goes home after
            NDArray y = forward(x);
            y.attach(home);
            return y;
        }
    }
}
