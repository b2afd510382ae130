package cyborg.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.function.Supplier;

/**
 * The machine's measured float32 arithmetic ceiling through the same engine and threads the
 * networks use: the better rate of a large matrix product and of a large 3 x 3 convolution (the
 * engine's convolution kernels can beat its matrix product). Convolution-heavy training and
 * scoring can approach it, so their throughput is stated as a share of it.
 */
public final class KernelPeak {
    /** GFLOP/s of the two probes; the ceiling is their maximum. */
    public record Result(double matmulGflops, double convolutionGflops) {
        public double gflops() {
            return Math.max(matmulGflops, convolutionGflops);
        }
    }

    private static final int MATRIX = 2048;
    private static final int REPEATS = 10;

    private KernelPeak() {}

    /** Measures both probes, best of {@value #REPEATS} timed runs each after one untimed run. */
    public static Result measure() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.randomNormal(new Shape(MATRIX, MATRIX));
            NDArray b = m.randomNormal(new Shape(MATRIX, MATRIX));
            double matmul = best(m, 2.0 * MATRIX * MATRIX * MATRIX, () -> a.matMul(b));
            // ResNet's commonest heavy layer: 128 -> 128 channels, 3 x 3, at 28 x 28, batch 16
            NDArray x = m.randomNormal(new Shape(16, 128, 28, 28));
            NDArray w = m.randomNormal(new Shape(128, 128, 3, 3));
            double conv = best(m, 2.0 * 16 * 128 * 28 * 28 * 128 * 9, () -> x.getNDArrayInternal()
                    .convolution(x, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                    .singletonOrThrow());
            return new Result(matmul, conv);
        }
    }

    private static double best(NDManager m, double flops, Supplier<NDArray> op) {
        double best = 0;
        for (int i = 0; i <= REPEATS; i++) {
            try (NDManager scratch = m.newSubManager()) {
                long t0 = System.nanoTime();
                NDArray out = op.get();
                out.attach(scratch);
                out.toFloatArray(); // complete once its values are read
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (i > 0) {
                    best = Math.max(best, flops / seconds / 1e9);
                }
            }
        }
        return best;
    }
}
