package cyborg.loss;

import cyborg.model.CamTarget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

/**
 * Finite-difference checks (float64) of every CAM-based loss term's gradient w.r.t. features, CAM
 * weights and logits, for each CAM class (the contrastive map included). The input-gradient term
 * is checked in {@link RightReasonsTest}.
 */
class LossGradientTest {
    private static final int B = 3;
    private static final int C = 4;
    private static final int H = 3;
    private static final double STEP = 1e-6;

    private final Random rng = new Random(42);
    private final double[] features = RandomArrays.gaussians(rng, B * C * H * H, 1.0);
    private final double[] weight = RandomArrays.gaussians(rng, 2 * C, 1.0);
    // logits with a clear margin so that small perturbations never change the predicted class
    private final double[] logits = {2.0, -1.0, -0.5, 1.5, 0.3, 2.1};
    private final long[] labels = {0, 1, 1};
    private final double[] maps = RandomArrays.uniforms(rng, B * H * H);
    private final double[] mask = {1, 0, 1};


    private LossContext context(NDManager m, NDArray f, NDArray w, NDArray l, CamTarget camClass) {
        return new LossContext(l, f, w, m.create(labels), m.create(maps, new Shape(B, H, H)),
                m.create(mask), camClass);
    }

    private double value(LossTerm term, double[] f, double[] w, double[] l, CamTarget camClass) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray fa = m.create(f, new Shape(B, C, H, H));
            NDArray wa = m.create(w, new Shape(2, C));
            NDArray la = m.create(l, new Shape(B, 2));
            return term.compute(context(m, fa, wa, la, camClass)).getDouble();
        }
    }

    @ParameterizedTest(name = "{0} with {1} class")
    @CsvSource({"ce,PREDICTED", "cyborg,PREDICTED", "cyborg,TRUE", "kl,PREDICTED", "kl,TRUE",
        "logent,PREDICTED", "logent,TRUE", "ent,PREDICTED", "entmatch,PREDICTED", "entmatch,TRUE",
        "cyborg,CONTRAST", "kl,CONTRAST", "logent,CONTRAST", "ent,CONTRAST", "entmatch,CONTRAST"})
    void analyticGradientMatchesFiniteDifferences(String name, CamTarget camClass) {
        LossTerm term = termNamed(name);
        double[][] analytic = new double[3][];
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray fa = m.create(features, new Shape(B, C, H, H));
            NDArray wa = m.create(weight, new Shape(2, C));
            NDArray la = m.create(logits, new Shape(B, 2));
            fa.setRequiresGradient(true);
            wa.setRequiresGradient(true);
            la.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(term.compute(context(m, fa, wa, la, camClass)));
            }
            analytic[0] = gradient(fa);
            analytic[1] = gradient(wa);
            analytic[2] = gradient(la);
        }
        double[][] inputs = {features, weight, logits};
        double maxAbs = 0;
        for (int which = 0; which < 3; which++) {
            for (int i = 0; i < inputs[which].length; i++) {
                double[][] plus = copy(inputs);
                double[][] minus = copy(inputs);
                plus[which][i] += STEP;
                minus[which][i] -= STEP;
                double numeric = (value(term, plus[0], plus[1], plus[2], camClass)
                        - value(term, minus[0], minus[1], minus[2], camClass)) / (2 * STEP);
                double a = analytic[which][i];
                maxAbs = Math.max(maxAbs, Math.abs(a));
                assertEquals(numeric, a, 1e-6 + 1e-5 * Math.abs(numeric),
                        name + " d/d" + new String[] {"features", "weight", "logits"}[which] + "[" + i + "]");
            }
        }
        assertTrue(maxAbs > 1e-4, "the term must depend on its inputs: " + name);
    }

    private static LossTerm termNamed(String name) {
        return switch (name) {
            case "ce" -> new CrossEntropy();
            case "cyborg" -> new CamMapMse();
            case "kl" -> new CamMapKl();
            case "logent" -> new LogEntropy();
            case "ent" -> new Entropy();
            case "entmatch" -> new EntropyMatch();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The gradient as float64; an input the term does not use has an all-zero gradient. */
    private static double[] gradient(NDArray x) {
        return x.getGradient().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
