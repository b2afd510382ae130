package cyborg.saliency;

import cyborg.data.Sample;

/**
 * The saliency map of one image.
 *
 * @param sample the image
 * @param targetClass the class whose saliency the map shows
 * @param score the detector's score (sigmoid of the Synthetic logit)
 * @param map normalised map, row-major, {@code height x width} (the CAM layer's resolution)
 * @param height map rows
 * @param width map columns
 */
public record SaliencyResult(Sample sample, int targetClass, double score, float[] map, int height, int width) {}
