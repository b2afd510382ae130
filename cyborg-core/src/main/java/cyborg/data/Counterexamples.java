package cyborg.data;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Counterexamples (the explanatory-interactive-learning typology of Friedrich et al., 2023): with
 * probability {@code rate} a training image keeps what its human map marks as relevant and gets
 * label-free content everywhere else, label unchanged. A shortcut outside the marked regions then
 * stops predicting the label, which no loss term on the model's explanation can guarantee.
 *
 * <p>The human map {@code m} (min-max normalised, at input resolution) blends softly:
 * {@code x' = m * x + (1 - m) * d}. Soft because annotators' maps are soft and a threshold would
 * cut tells that reach past the blob's half height. The fill {@code d} is
 * <ul>
 *   <li>{@code swap}: another training image, drawn uniformly whatever its label, so what it
 *       brings (its background, its marks) is independent of this image's label;
 *   <li>{@code noise}: standard normal noise in normalised units (the data's mean and scale).
 * </ul>
 * Images without a human map are left as they are.
 *
 * @param rate probability that a training image becomes a counterexample, in [0, 1]
 * @param fill what replaces the irrelevant part
 */
public record Counterexamples(double rate, Fill fill) {
    /** No counterexamples (the default). */
    public static final Counterexamples NONE = new Counterexamples(0, Fill.SWAP);

    /** What the irrelevant part is replaced by. */
    public enum Fill {
        SWAP, NOISE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code swap} or {@code noise}. */
        public static Fill parse(String s) {
            for (Fill f : values()) {
                if (f.id().equals(s.trim().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown counterexample fill '" + s + "'; use one of "
                    + List.of(values()).stream().map(Fill::id).toList());
        }
    }

    /**
     * One sample's counterexample.
     *
     * @param donor the image whose pixels fill the irrelevant part ({@code swap}), else null
     * @param noiseSeed seed of the noise ({@code noise})
     */
    public record Draw(Sample donor, long noiseSeed) {}

    public Counterexamples {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("the counterexample rate must lie in [0, 1], got " + rate);
        }
    }

    public boolean isNone() {
        return rate == 0;
    }

    /**
     * Draws whether the sample at {@code self} becomes a counterexample, and its fill.
     *
     * @return the draw, or null to keep the image
     */
    public Draw draw(Random rng, List<Sample> samples, int self) {
        if (isNone() || rng.nextDouble() >= rate) {
            return null;
        }
        if (fill == Fill.NOISE || samples.size() < 2) {
            return new Draw(null, rng.nextLong());
        }
        int donor = rng.nextInt(samples.size() - 1);
        return new Draw(samples.get(donor >= self ? donor + 1 : donor), rng.nextLong());
    }

    /**
     * Blends {@code image} (CHW, normalised) with {@code fill} (same layout; null for noise) under
     * {@code map} (H x W in [0,1]) in place.
     */
    static void blend(float[] image, float[] fillImage, float[] map, long noiseSeed) {
        int plane = map.length;
        Random noise = fillImage == null ? new Random(noiseSeed) : null;
        for (int i = 0; i < image.length; i++) {
            float m = map[i % plane];
            float d = fillImage != null ? fillImage[i] : (float) noise.nextGaussian();
            image[i] = m * image[i] + (1 - m) * d;
        }
    }
}
