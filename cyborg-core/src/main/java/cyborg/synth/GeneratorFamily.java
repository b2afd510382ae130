package cyborg.synth;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Families of simulated face generators. Each draws its trace from one shared {@link Mechanism}
 * with its own parameters (phase, direction, length, colour, strength) and leaves it in one of
 * its own face parts, drawn per image, on the final pixel grid; annotators mark that part. Each image draws
 * its trace's strength from [0.8, 1] of the family's. Families that share a mechanism differ in
 * parameters and parts, so a detector that learned the kind of trace, not one instance of it,
 * can carry over, as real detectors carry over between GANs that share upsampling artefacts.
 */
public enum GeneratorFamily {
    /** Stride-2 upsampling checkerboard in one eye or the mouth, whichever this image's generator got wrong (ProGAN-like). */
    UPSAMPLE_EYES_MOUTH("upsample-eyes-mouth", "ProGAN", new UpsamplingTrace(2, 36),
            f -> List.of(f.leftEye, f.rightEye, f.mouth)),
    /**
     * The mouth or the nose smeared over 5 px (at 64 px; scaled with the image) in a direction drawn
     * per image (StyleGAN2-like): detail and sensor noise are lost, whichever way the smear runs.
     */
    SMEARED_MOUTH_NOSE("smeared-mouth-nose", "StyleGAN2", new SmearTrace(5, Double.NaN, 1.25), f -> List.of(f.mouth, f.nose)),
    /** One eye and the skin around it take a cast of a random hue that the other lacks (mismatched irises). */
    IRIS_CAST("iris-cast", "StyleGAN2 (irises)", new ColourCastTrace(87, 1.8),
            f -> List.of(f.leftEye, f.rightEye)),
    /**
     * Another generator's stride-2 checkerboard over the nose, a part the training family never
     * marks: most generators upsample by 2 per layer, which is why detectors carry over between them.
     */
    UPSAMPLE_NOSE("upsample-nose", "StyleGAN", new UpsamplingTrace(2, 36), f -> List.of(f.nose)),
    /** One eye smeared sideways over 5 px, across iris and pupil (texture loss in another part and direction). */
    SMEARED_EYES("smeared-eyes", "StyleGAN2-ADA", new SmearTrace(5, 0, 1.3), f -> List.of(f.leftEye, f.rightEye)),
    /** One brow and the skin around it take a cast of a random hue that the other lacks (another part, another amount). */
    BROW_CAST("brow-cast", "StyleGAN-XL", new ColourCastTrace(83, 1.8),
            f -> List.of(f.brow(f.leftEye), f.brow(f.rightEye))),
    /** A hard colour step across the hairline, where an edited part was blended in (StarGAN-like). */
    HAIRLINE_SEAM("hairline-seam", "StarGAN-v2", new SeamTrace(new double[] {30, 24, 20}), f -> List.of(f.hairlineBand())),
    /** A droplet-shaped blob where the face meets hair or background (StyleGAN's droplet artefact). */
    DROPLET("droplet", "StyleGAN (droplets)", new DropletTrace(), f -> List.of(f.upperBoundary()));

    /** The weakest trace an image draws, as a share of its family's. */
    static final double MIN_STRENGTH = 0.8;

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

    /** The face parts where this family's trace may lie on {@code face}. */
    List<Region> candidateRegions(Face face) {
        return regions.apply(face);
    }

    /**
     * Applies the trace to a final-size image of {@code face}, in one of the family's parts drawn
     * per image (generators fail in different parts of different images).
     *
     * @return the part it was applied to, grown by the trace's reach (what annotators will mark)
     */
    List<Region> apply(Raster r, Face face, Random rng) {
        List<Region> candidates = candidateRegions(face);
        List<Region> at = List.of(candidates.get(rng.nextInt(candidates.size())));
        double strength = MIN_STRENGTH + (1 - MIN_STRENGTH) * rng.nextDouble();
        trace.apply(r, at, strength, rng);
        return List.of(at.get(0).grown(trace.reach()));
    }
}
