package cyborg.data;

/**
 * A sample ready for the model.
 *
 * @param image normalised CHW floats (3 x size x size)
 * @param map the human map at the CAM's size, min-max normalised, or null when there is none
 */
public record PreparedSample(float[] image, float[] map) {}
