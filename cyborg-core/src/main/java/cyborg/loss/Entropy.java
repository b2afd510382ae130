package cyborg.loss;

import ai.djl.ndarray.NDArray;

/** Focus term {@code ent}: the mean spatial entropy of the CAMs (lower = sharper focus). */
public final class Entropy implements LossTerm {
    @Override
    public String name() {
        return "ent";
    }

    @Override
    public String what() {
        return "H, the spatial entropy of the CAM";
    }

    @Override
    public NDArray compute(LossContext c) {
        return c.camEntropy().mean();
    }
}
