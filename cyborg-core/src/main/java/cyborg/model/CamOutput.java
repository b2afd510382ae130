package cyborg.model;

import ai.djl.ndarray.NDArray;

/**
 * What a forward pass of a {@link CamNetwork} returns.
 *
 * @param logits class scores, shape (batch, classes)
 * @param features the CAM layer's output, shape (batch, channels, h, w)
 */
public record CamOutput(NDArray logits, NDArray features) {}
