package cyborg.synth;

import java.util.List;
import java.util.Random;

/**
 * A blending seam: inside the region, everything below its centre line is shifted in colour, so
 * a hard step runs across it where a blended part meets its surroundings (face swaps and
 * attribute-editing generators leave such boundaries).
 *
 * @param shift the gray-level change per channel at full strength
 */
record SeamTrace(double[] shift) implements Trace {
    @Override
    public Mechanism mechanism() {
        return Mechanism.SEAM;
    }

    @Override
    public void apply(Raster r, List<Region> regions, double strength, Random rng) {
        double wobble = rng.nextDouble() * Math.PI * 2;
        for (Region g : regions) {
            Trace.forEachPixel(r, List.of(g), 1.0, (x, y) -> {
                double line = g.cy() + 0.25 * g.ry() * Math.sin(x / Math.max(1, g.rx()) * 3 + wobble);
                if (y + 0.5 > line) {
                    r.add(x, y, shift[0] * strength, shift[1] * strength, shift[2] * strength);
                }
            });
        }
    }
}
