package cyborg.loss;

import java.util.Random;

/** Test inputs drawn from a seeded generator. */
final class RandomArrays {
    private RandomArrays() {}

    /** {@code n} normal values times {@code scale}. */
    static double[] gaussians(Random rng, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian() * scale;
        }
        return v;
    }

    /** {@code n} values uniform in [0, 1). */
    static double[] uniforms(Random rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble();
        }
        return v;
    }
}
