package cyborg.data;

/** A single-channel float image, row-major: a human saliency map before it is resized. */
public record FloatMap(int width, int height, float[] values) {
}
