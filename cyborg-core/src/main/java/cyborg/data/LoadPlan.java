package cyborg.data;

/**
 * How to prepare one sample for a batch.
 *
 * @param aug the geometric augmentation, applied alike to image and maps
 * @param maps which map resolutions to produce
 * @param counterexample the counterexample to make of it, or null to keep the image as it is
 */
public record LoadPlan(Augmentation.Params aug, MapNeeds maps, Counterexamples.Draw counterexample) {
    /** The image as it is, without maps: scoring and validation. */
    public static final LoadPlan PLAIN = new LoadPlan(Augmentation.Params.IDENTITY, MapNeeds.NONE, null);
}
