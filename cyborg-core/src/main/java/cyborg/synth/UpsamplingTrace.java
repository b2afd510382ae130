package cyborg.synth;

import java.util.List;
import java.util.Random;

/**
 * The trace of a strided transposed convolution: the checkerboard of the stride's period that
 * uneven kernel overlap leaves (Odena et al., "Deconvolution and checkerboard artifacts", 2016),
 * which puts spectral peaks at multiples of 1/stride (Frank et al. 2020, Durall et al. 2020).
 * Most generators upsample by 2 per layer, so most leave this same pattern, differing in phase,
 * strength and where it shows; that is why detectors carry over between them (Wang et al. 2020).
 * Each image shifts the pattern by a random phase.
 *
 * @param stride the period in pixels (even)
 * @param amplitude gray-level change at full strength (the pattern is +-amplitude)
 */
record UpsamplingTrace(int stride, double amplitude) implements Trace {
    UpsamplingTrace {
        if (stride < 2 || stride % 2 != 0) {
            throw new IllegalArgumentException("the stride must be even, got " + stride);
        }
    }

    @Override
    public Mechanism mechanism() {
        return Mechanism.UPSAMPLING;
    }

    /** +1 or -1 at (x, y) for phase (px, py): cells of half the stride, alternating. */
    int sign(int x, int y, int px, int py) {
        int half = stride / 2;
        return (Math.floorDiv(x + px, half) + Math.floorDiv(y + py, half)) % 2 == 0 ? 1 : -1;
    }

    @Override
    public void apply(Raster r, List<Region> regions, double strength, Random rng) {
        int px = rng.nextInt(stride);
        int py = rng.nextInt(stride);
        Trace.forEachPixel(r, regions, 1.0, (x, y) -> {
            double d = amplitude * strength * sign(x, y, px, py);
            r.add(x, y, d, d, d);
        });
    }
}
