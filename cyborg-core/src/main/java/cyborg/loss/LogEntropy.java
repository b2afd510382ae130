package cyborg.loss;

import ai.djl.ndarray.NDArray;

/** Focus term {@code logent}: {@code mean(ln(H + 1))} of the CAMs' spatial entropy H. */
public final class LogEntropy implements LossTerm {
    @Override
    public String name() {
        return "logent";
    }

    @Override
    public String what() {
        return "ln(1 + H), H the spatial entropy of the CAM (the focus term)";
    }

    @Override
    public NDArray compute(LossContext c) {
        return c.camEntropy().add(1).log().mean();
    }
}
