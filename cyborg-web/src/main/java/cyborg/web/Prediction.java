package cyborg.web;

/**
 * One image's outputs from one model.
 *
 * @param score sigmoid(logit of Synthetic), as {@code cyborg score} writes it
 * @param cam the predicted class's normalised CAM at the CAM layer's resolution (row-major), or null
 */
record Prediction(float score, float[] cam) {
}
