package cyborg.explain;

import cyborg.image.RgbImage;

import java.util.Random;

/**
 * Salt-and-pepper noise with scikit-image's semantics ({@code random_noise(mode='s&p')}): each
 * value (pixel and channel) is replaced with probability {@code amount}, by 255 or 0 with equal
 * probability.
 */
public final class SaltPepper {
    /** The reference amounts: the fraction of values replaced. */
    public static final double[] REFERENCE_AMOUNTS = {0, 0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 1.0};

    private SaltPepper() {}

    public static RgbImage apply(RgbImage img, double amount, Random rng) {
        byte[] out = img.pixels().clone();
        for (int i = 0; i < out.length; i++) {
            if (rng.nextDouble() < amount) {
                out[i] = rng.nextBoolean() ? (byte) 255 : 0;
            }
        }
        return new RgbImage(img.width(), img.height(), out);
    }
}
