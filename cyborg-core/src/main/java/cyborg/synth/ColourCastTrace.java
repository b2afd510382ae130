package cyborg.synth;

import java.util.List;
import java.util.Random;

/**
 * A colour inconsistency: one of two parts that should match (the irises, the brows) takes a
 * colour cast the other lacks, as generators fail to keep paired parts consistent.
 *
 * @param shift the gray-level change per channel at full strength (roughly zero-sum: a change of
 *     hue, not of brightness)
 */
record ColourCastTrace(double[] shift) implements Trace {
    @Override
    public Mechanism mechanism() {
        return Mechanism.COLOUR_CAST;
    }

    @Override
    public void apply(Raster r, List<Region> regions, double strength, Random rng) {
        Trace.forEachPixel(r, regions, 1.0, (x, y) ->
                r.add(x, y, shift[0] * strength, shift[1] * strength, shift[2] * strength));
    }
}
