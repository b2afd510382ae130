package cyborg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import cyborg.io.TensorData;

import java.util.Map;

/**
 * Stochastic gradient descent exactly as {@code torch.optim.SGD} (no dampening, no Nesterov):
 * {@code d = g + wd*p; buf = d (first step) or momentum*buf + d; p -= lr*buf}.
 */
public final class Sgd implements Optimizer {
    private final Map<String, NDArray> params;
    private final double momentum;
    private final double weightDecay;
    private final OptimizerState momentumBuffers;

    /**
     * @param params trainable parameters by name
     * @param manager owns the momentum buffers
     */
    public Sgd(Map<String, NDArray> params, NDManager manager, double momentum, double weightDecay) {
        this.params = params;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.momentumBuffers = new OptimizerState("momentum", manager);
    }

    @Override
    public void step(double lr) {
        params.forEach((name, p) -> {
            try (NDArray g = p.getGradient()) {
                if (weightDecay != 0) {
                    try (NDArray decay = p.mul((float) weightDecay)) {
                        g.addi(decay);
                    }
                }
                NDArray direction = g;
                if (momentum != 0) {
                    NDArray buf = momentumBuffers.get(name);
                    if (buf == null) {
                        momentumBuffers.putCopy(name, g);
                    } else {
                        buf.muli((float) momentum).addi(g);
                    }
                    direction = momentumBuffers.get(name);
                }
                try (NDArray update = direction.mul((float) lr)) {
                    p.subi(update);
                }
                Optimizer.zero(g);
            }
        });
    }

    @Override
    public Map<String, TensorData> state() {
        Map<String, TensorData> out = OptimizerState.newMap();
        momentumBuffers.saveTo(out);
        return out;
    }

    @Override
    public void loadState(Map<String, TensorData> state) {
        momentumBuffers.loadFrom(state, params);
    }
}
