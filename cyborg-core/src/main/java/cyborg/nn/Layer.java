package cyborg.nn;

import ai.djl.ndarray.NDArray;

/** A module that maps one array to one array: the building block of sequential networks. */
public abstract class Layer extends Module {
    /** Runs the layer. */
    public abstract NDArray forward(NDArray x);
}
