package cyborg.synth;

import java.util.List;
import java.util.Random;

/**
 * Texture loss: fine detail smeared along one direction by a box blur of {@code length} pixels,
 * as generators smear teeth and irises where they cannot resolve detail.
 *
 * @param length the blur's length in pixels at 64 px (scaled with the image)
 * @param angleDegrees its direction, or NaN for one drawn per image
 * @param margin how far past the region the smear reaches (a factor of the region's radii)
 */
record SmearTrace(int length, double angleDegrees, double margin) implements Trace {
    @Override
    public Mechanism mechanism() {
        return Mechanism.SMEAR;
    }

    @Override
    public void apply(Raster r, List<Region> regions, double strength, Random rng) {
        Raster src = r.copy();
        // a random direction per image when the family has none (NaN): the kind of trace, not one instance
        double a = Math.toRadians(Double.isNaN(angleDegrees) ? 180 * rng.nextDouble() : angleDegrees);
        // the length is given at 64 px and scales with the image, so the smear covers the same share of a part
        int half = (int) Math.round(length * r.width / 64.0) / 2;
        Trace.forEachPixel(r, regions, margin, (x, y) -> {
            int i = r.index(x, y);
            for (int c = 0; c < 3; c++) {
                double sum = 0;
                for (int k = -half; k <= half; k++) {
                    int xx = Math.min(r.width - 1, Math.max(0, x + (int) Math.round(k * Math.cos(a))));
                    int yy = Math.min(r.height - 1, Math.max(0, y + (int) Math.round(k * Math.sin(a))));
                    sum += src.rgb[src.index(xx, yy) + c];
                }
                r.rgb[i + c] = (float) (sum / (2 * half + 1) * strength + src.rgb[i + c] * (1 - strength));
            }
        });
    }

    @Override
    public double reach() {
        return margin;
    }
}
