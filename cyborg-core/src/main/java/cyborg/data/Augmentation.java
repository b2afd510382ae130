package cyborg.data;

import java.util.Random;

/**
 * Optional training augmentation, applied identically to an image and its human map: a
 * horizontal flip with probability 1/2 and a random resized crop (area fraction in
 * [{@code minScale}, 1], aspect ratio in [3/4, 4/3], as torchvision's RandomResizedCrop).
 *
 * @param flip whether to flip at random
 * @param minScale smallest crop area as a fraction of the image; 1 disables cropping
 */
public record Augmentation(boolean flip, double minScale) {
    /** No augmentation, as the reference. */
    public static final Augmentation NONE = new Augmentation(false, 1.0);

    public Augmentation {
        if (!(minScale > 0 && minScale <= 1)) {
            throw new IllegalArgumentException("crop scale must lie in (0, 1], got " + minScale);
        }
    }

    public boolean isNone() {
        return !flip && minScale >= 1.0;
    }

    /** Draws the transform of one sample. */
    public Params sample(Random rng) {
        boolean doFlip = flip && rng.nextBoolean();
        if (minScale >= 1.0) {
            return new Params(doFlip, 0, 0, 1, 1);
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            double area = minScale + rng.nextDouble() * (1 - minScale);
            double logRatio = Math.log(3.0 / 4) + rng.nextDouble() * (Math.log(4.0 / 3) - Math.log(3.0 / 4));
            double ratio = Math.exp(logRatio);
            double w = Math.sqrt(area * ratio);
            double h = Math.sqrt(area / ratio);
            if (w <= 1 && h <= 1) {
                return new Params(doFlip, rng.nextDouble() * (1 - w), rng.nextDouble() * (1 - h), w, h);
            }
        }
        return new Params(doFlip, 0, 0, 1, 1);
    }

    /**
     * One sample's transform, in coordinates relative to the image (so it applies to a map of
     * another resolution alike).
     */
    public record Params(boolean flip, double x, double y, double width, double height) {
        /** The identity transform. */
        public static final Params IDENTITY = new Params(false, 0, 0, 1, 1);

        boolean crops() {
            return x != 0 || y != 0 || width != 1 || height != 1;
        }

        /** The crop box {x, y, w, h} in pixels of an image of the given size. */
        int[] box(int imageWidth, int imageHeight) {
            int bx = (int) Math.round(x * imageWidth);
            int by = (int) Math.round(y * imageHeight);
            int bw = Math.max(1, Math.min(imageWidth - bx, (int) Math.round(width * imageWidth)));
            int bh = Math.max(1, Math.min(imageHeight - by, (int) Math.round(height * imageHeight)));
            return new int[] {bx, by, bw, bh};
        }
    }
}
