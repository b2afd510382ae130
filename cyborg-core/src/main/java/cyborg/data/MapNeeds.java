package cyborg.data;

/**
 * Which resolutions of a sample's human map a consumer needs: none (scoring, validation), the
 * CAM's (CAM terms), or the CAM's and the input's (input-gradient terms and counterexamples,
 * which act on pixels).
 */
public enum MapNeeds {
    NONE,
    CAM,
    CAM_AND_INPUT;

    public boolean any() {
        return this != NONE;
    }

    public boolean input() {
        return this == CAM_AND_INPUT;
    }
}
