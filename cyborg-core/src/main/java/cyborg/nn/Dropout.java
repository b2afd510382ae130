package cyborg.nn;

import ai.djl.ndarray.NDArray;

import java.util.Random;

/**
 * Inverted dropout as {@code torch.nn.Dropout(p)}: in training, zeroes each value with
 * probability p and scales the rest by 1/(1-p); identity in inference. The mask comes from a
 * seeded Java {@link Random} (not the engine's generator), so a seeded run is repeatable.
 */
public final class Dropout extends Layer {
    private final float p;
    private final Random rng;

    /**
     * @param p drop probability in [0, 1)
     * @param seed seed of the mask stream
     */
    public Dropout(float p, long seed) {
        if (p < 0 || p >= 1) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1): " + p);
        }
        this.p = p;
        this.rng = new Random(seed);
    }

    @Override
    public NDArray forward(NDArray x) {
        if (!isTraining() || p == 0) {
            return x;
        }
        float keep = 1f / (1 - p);
        float[] mask = new float[Math.toIntExact(x.getShape().size())];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rng.nextFloat() < p ? 0f : keep;
        }
        NDArray m = x.getManager().create(mask, x.getShape()).toType(x.getDataType(), false);
        return x.mul(m);
    }
}
