package cyborg.data;

/**
 * A sample ready for the model.
 *
 * @param image normalised CHW floats (3 x size x size)
 * @param map the human map at the CAM's size, min-max normalised, or null when there is none or it
 *     (or its crop) is constant
 * @param inputMap the human map at the input's size, min-max normalised, or null when there is
 *     none or it was not asked for
 */
public record PreparedSample(float[] image, float[] map, float[] inputMap) {
    public PreparedSample(float[] image, float[] map) {
        this(image, map, null);
    }
}
