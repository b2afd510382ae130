package cyborg.synth;

import java.util.List;
import java.util.Random;

/**
 * The trace of a strided (transposed) upsampling layer: a fixed zero-mean {@code stride x stride}
 * tile repeated over the image (Odena et al., "Deconvolution and checkerboard artifacts", 2016),
 * which puts spectral peaks at multiples of 1/stride. The tile is fixed per family (it comes from
 * the generator's weights); each image shifts it by a random phase. The grid may be rotated, as
 * aliasing in rotation-equivariant generators leaves oblique patterns.
 *
 * @param stride the period in pixels
 * @param angleDegrees rotation of the grid
 * @param amplitude largest gray-level change at full strength
 * @param tileSeed seed of the family's tile
 */
record UpsamplingTrace(int stride, double angleDegrees, double amplitude, long tileSeed) implements Trace {
    @Override
    public Mechanism mechanism() {
        return Mechanism.UPSAMPLING;
    }

    /** The family's tile: zero mean, largest magnitude 1, with a checkerboard share so it is never flat. */
    double[] tile() {
        Random rng = new Random(tileSeed);
        double[] t = new double[stride * stride];
        double mean = 0;
        for (int i = 0; i < t.length; i++) {
            int x = i % stride;
            int y = i / stride;
            t[i] = (((x + y) & 1) == 0 ? 1 : -1) + rng.nextGaussian();
            mean += t[i] / t.length;
        }
        double max = 0;
        for (int i = 0; i < t.length; i++) {
            t[i] -= mean;
            max = Math.max(max, Math.abs(t[i]));
        }
        for (int i = 0; i < t.length; i++) {
            t[i] /= max;
        }
        return t;
    }

    @Override
    public void apply(Raster r, List<Region> regions, double strength, Random rng) {
        double[] tile = tile();
        double a = Math.toRadians(angleDegrees);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        double pu = rng.nextDouble() * stride;
        double pv = rng.nextDouble() * stride;
        Trace.forEachPixel(r, regions, 1.0, (x, y) -> {
            int u = Math.floorMod((int) Math.floor(x * cos + y * sin + pu), stride);
            int v = Math.floorMod((int) Math.floor(-x * sin + y * cos + pv), stride);
            double d = amplitude * strength * tile[v * stride + u];
            r.add(x, y, d, d, d);
        });
    }
}
