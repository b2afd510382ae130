package cyborg.synth;

/**
 * The artefact mechanisms generator families share. Real detectors transfer between generators
 * because traces of one kind recur across them: upsampling leaves periodic patterns and spectral
 * peaks in many GANs (Odena et al. 2016; Wang et al., CVPR 2020; Frank et al., ICML 2020;
 * Durall et al., CVPR 2020), and texture loss, colour inconsistencies, blending boundaries and
 * droplet artefacts each recur in their own families.
 */
public enum Mechanism {
    /** A periodic pattern of the upsampling stride: checkerboards, gratings, aliasing. */
    UPSAMPLING("upsampling", "periodic pattern with the period of a strided upsampling layer"),
    /** Fine detail smeared along one direction (teeth, irises). */
    SMEAR("smear", "directional blur that erases fine detail"),
    /** One of two parts that should match takes a colour cast the other lacks. */
    COLOUR_CAST("colour-cast", "colour cast on one of two parts that should match"),
    /** A hard step in colour where a blended part meets its surroundings. */
    SEAM("seam", "hard colour step along a blending boundary"),
    /** A droplet-shaped blob with a highlight, as from instance normalisation. */
    DROPLET("droplet", "droplet-shaped blob with a highlight");

    private final String id;
    private final String description;

    Mechanism(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
