package cyborg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import cyborg.io.TensorData;

import java.util.Map;

/**
 * Adam exactly as {@code torch.optim.Adam} (betas 0.9/0.999, eps 1e-8, L2 weight decay added to
 * the gradient, bias-corrected moments).
 */
public final class Adam implements Optimizer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final Map<String, NDArray> params;
    private final NDManager manager;
    private final double weightDecay;
    private final OptimizerState first;
    private final OptimizerState second;
    private long steps;

    public Adam(Map<String, NDArray> params, NDManager manager, double weightDecay) {
        this.params = params;
        this.manager = manager;
        this.weightDecay = weightDecay;
        this.first = new OptimizerState("adam_m", manager);
        this.second = new OptimizerState("adam_v", manager);
    }

    @Override
    public void step(double lr) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        float stepSize = (float) (lr / correction1);
        params.forEach((name, p) -> {
            // Results attach to their first operand's manager: every temporary is moved into the
            // step's scope so that nothing accumulates in the model's or the optimiser's manager.
            try (NDManager scope = manager.newSubManager(); NDArray raw = p.getGradient()) {
                NDArray g = scoped(scope, raw.duplicate());
                if (weightDecay != 0) {
                    g.addi(scoped(scope, p.mul((float) weightDecay)));
                }
                NDArray m = first.getOrZeros(name, p);
                NDArray v = second.getOrZeros(name, p);
                m.muli((float) BETA1).addi(scoped(scope, g.mul((float) (1 - BETA1))));
                v.muli((float) BETA2).addi(scoped(scope, g.square()).muli((float) (1 - BETA2)));
                NDArray root = scoped(scope, scoped(scope, v.div((float) correction2)).sqrt()).addi((float) EPS);
                NDArray update = scoped(scope, m.div(root)).muli(stepSize);
                p.subi(update);
                Optimizer.zero(raw);
            }
        });
    }

    private static NDArray scoped(NDManager scope, NDArray a) {
        a.attach(scope);
        return a;
    }

    @Override
    public Map<String, TensorData> state() {
        Map<String, TensorData> out = OptimizerState.newMap();
        first.saveTo(out);
        second.saveTo(out);
        out.put("adam_steps", TensorData.ofLongs(new long[0], new long[] {steps}));
        return out;
    }

    @Override
    public void loadState(Map<String, TensorData> state) {
        first.loadFrom(state, params);
        second.loadFrom(state, params);
        TensorData s = state.get("adam_steps");
        steps = s == null ? 0 : s.longs()[0];
    }
}
