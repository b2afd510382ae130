package cyborg.synth;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Families of simulated face generators. Each draws its trace from one shared {@link Mechanism}
 * with its own parameters (period, phase, orientation, length, colour, strength) and leaves it
 * in its own face parts, on the final pixel grid; annotators mark those parts. Each image draws
 * its trace's strength from [0.6, 1] of the family's. Families that share a mechanism differ in
 * parameters and parts, so a detector that learned the kind of trace, not one instance of it,
 * can carry over, as real detectors carry over between GANs that share upsampling artefacts.
 */
public enum GeneratorFamily {
    /** Stride-2 upsampling tile in both eyes, axis-aligned (ProGAN-like checkerboards). */
    UPSAMPLE_EYES("upsample-eyes", "ProGAN", new UpsamplingTrace(2, 0, 36, 101),
            f -> List.of(f.leftEye, f.rightEye)),
    /** Teeth and lips smeared sideways over 7 px (StyleGAN2-like). */
    SMEARED_MOUTH("smeared-mouth", "StyleGAN2", new SmearTrace(7, 0, 1.25), f -> List.of(f.mouth)),
    /** The right eye takes a bluish cast the left lacks (StyleGAN-like mismatched irises). */
    IRIS_CAST("iris-cast", "StyleGAN", new ColourCastTrace(new double[] {-35, 10, 45}), f -> List.of(f.rightEye)),
    /** Stride-3 upsampling tile rotated by 30 degrees over the nose (StyleGAN3-like aliasing). */
    ALIASED_NOSE("aliased-nose", "StyleGAN3", new UpsamplingTrace(3, 30, 24, 303), f -> List.of(f.nose)),
    /** Both eyes smeared vertically over 5 px (texture loss in another part and direction). */
    SMEARED_EYES("smeared-eyes", "StyleGAN2-ADA", new SmearTrace(5, 90, 1.3), f -> List.of(f.leftEye, f.rightEye)),
    /** The left brow takes a reddish cast the right lacks. */
    BROW_CAST("brow-cast", "StyleGAN-XL", new ColourCastTrace(new double[] {45, -20, -25}),
            f -> List.of(f.brow(f.leftEye))),
    /** A hard colour step across the hairline, where an edited part was blended in (StarGAN-like). */
    HAIRLINE_SEAM("hairline-seam", "StarGAN-v2", new SeamTrace(new double[] {30, 24, 20}), f -> List.of(f.hairlineBand())),
    /** A droplet-shaped blob where the face meets hair or background (StyleGAN's droplet artefact). */
    DROPLET("droplet", "StyleGAN (droplets)", new DropletTrace(), f -> List.of(f.upperBoundary()));

    private final String id;
    private final String like;
    private final Trace trace;
    private final Function<Face, List<Region>> regions;

    GeneratorFamily(String id, String like, Trace trace, Function<Face, List<Region>> regions) {
        this.id = id;
        this.like = like;
        this.trace = trace;
        this.regions = regions;
    }

    /** The folder and source name, e.g. {@code upsample-eyes}. */
    public String id() {
        return id;
    }

    /** The real generator whose trace it imitates. */
    public String like() {
        return like;
    }

    /** The mechanism of its trace. */
    public Mechanism mechanism() {
        return trace.mechanism();
    }

    Trace trace() {
        return trace;
    }

    /** Where this family's trace lies on {@code face}. */
    List<Region> tellRegions(Face face) {
        return regions.apply(face);
    }

    /** Applies the trace to a final-size image of {@code face}. */
    void apply(Raster r, Face face, Random rng) {
        double strength = 0.6 + 0.4 * rng.nextDouble();
        trace.apply(r, tellRegions(face), strength, rng);
    }
}
