package cyborg.nn;

import java.util.Random;

/**
 * Weight initialisation schemes, computed in Java from a seeded {@link Random} so that the
 * same seed gives bit-identical weights whatever the engine's own random state.
 */
@FunctionalInterface
public interface Init {
    /**
     * Fills an array of {@code size} values.
     *
     * @param size number of values
     * @param fanIn inputs per output unit (in-channels times kernel area)
     * @param fanOut outputs per input unit (out-channels times kernel area)
     * @param rng the random source
     * @return the values, row-major in the tensor's shape
     */
    float[] values(int size, long fanIn, long fanOut, Random rng);

    /**
     * The random source of a network whose every tensor is about to be loaded from a complete
     * state dict: modules built with it start at zero instead of drawing their initial values,
     * which for ResNet-50 saves about a second of every model load.
     */
    Random FOR_LOADING = new Random(0);

    /** All values equal to {@code c}. */
    static Init constant(float c) {
        return (size, fanIn, fanOut, rng) -> {
            float[] v = new float[size];
            java.util.Arrays.fill(v, c);
            return v;
        };
    }

    /** He normal with fan-out and ReLU gain, as torchvision's ResNet initialises convolutions. */
    static Init kaimingNormalFanOut() {
        return (size, fanIn, fanOut, rng) -> normal(size, Math.sqrt(2.0 / fanOut), rng);
    }

    /** He normal with fan-in and ReLU gain. */
    static Init kaimingNormalFanIn() {
        return (size, fanIn, fanOut, rng) -> normal(size, Math.sqrt(2.0 / fanIn), rng);
    }

    /**
     * Normal with mean 0 and standard deviation {@code std}, redrawn outside [{@code lo},
     * {@code hi}] (absolute bounds, as {@code torch.nn.init.trunc_normal_}'s a and b).
     */
    static Init truncatedNormal(double std, double lo, double hi) {
        return (size, fanIn, fanOut, rng) -> {
            float[] v = new float[size];
            for (int i = 0; i < size; i++) {
                double x;
                do {
                    x = rng.nextGaussian() * std;
                } while (x < lo || x > hi);
                v[i] = (float) x;
            }
            return v;
        };
    }

    /** Uniform in +-1/sqrt(fan-in): PyTorch's default for linear and convolution layers. */
    static Init torchDefaultUniform() {
        return (size, fanIn, fanOut, rng) -> uniform(size, 1.0 / Math.sqrt(fanIn), rng);
    }

    private static float[] normal(int size, double std, Random rng) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) (rng.nextGaussian() * std);
        }
        return v;
    }

    private static float[] uniform(int size, double bound, Random rng) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return v;
    }
}
