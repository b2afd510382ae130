package cyborg.synth;

import java.util.List;
import java.util.Random;

/**
 * A colour inconsistency: one of two parts that should match (the irises, the brows) takes a
 * colour cast the other lacks, as generators fail to keep paired parts consistent. The cast's hue
 * is drawn per image, so what a detector can learn is the kind of trace (a part tinted unlike its
 * twin and its surroundings), not one colour; it reaches past the part into the skin around it
 * ({@code margin}), where a tint shows as a colour step that no authentic face has.
 *
 * @param amount the length of the per-channel change at full strength, in gray levels; the change
 *     is zero-sum (a change of hue, not of brightness)
 * @param margin how far past the part the cast reaches (a factor of the part's radii)
 */
record ColourCastTrace(double amount, double margin) implements Trace {
    @Override
    public Mechanism mechanism() {
        return Mechanism.COLOUR_CAST;
    }

    @Override
    public void apply(Raster r, List<Region> regions, double strength, Random rng) {
        // a random direction in the plane of zero-sum RGB changes (orthogonal to gray)
        double t = 2 * Math.PI * rng.nextDouble();
        double c = Math.cos(t) / Math.sqrt(2);
        double d = Math.sin(t) / Math.sqrt(6);
        double[] s = {amount * (c + d), amount * (-c + d), amount * (-2 * d)};
        Trace.forEachPixel(r, regions, margin, (x, y) -> r.add(x, y, s[0] * strength, s[1] * strength, s[2] * strength));
    }

    @Override
    public double reach() {
        return margin;
    }
}
