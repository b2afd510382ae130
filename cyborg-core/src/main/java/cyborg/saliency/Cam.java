package cyborg.saliency;

import ai.djl.ndarray.NDArray;
import cyborg.model.CamNetwork;
import cyborg.model.CamSplit;

/** The class activation map as the CYBORG reference forms it: the final layer's class weights, no ReLU. */
public final class Cam extends SaliencyMethod {
    @Override
    public String id() {
        return "cam";
    }

    @Override
    protected NDArray weights(CamNetwork net, NDArray input, CamSplit split, NDArray classes) {
        NDArray w = net.classifierWeight();
        return oneHot(classes, (int) w.getShape().get(0), w).matMul(w);
    }

    @Override
    protected boolean relu() {
        return false;
    }
}
