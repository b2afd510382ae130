package cyborg.model;

import ai.djl.ndarray.NDArray;

/**
 * A forward pass stopped at the CAM layer: the features, and what the rest of the network needs
 * besides them (for a CAM taken inside a residual block, the block's identity branch).
 *
 * @param features the CAM layer's output (batch, channels, h, w)
 * @param residual the last block's identity branch, or null when the CAM layer is the block output
 */
public record CamSplit(NDArray features, NDArray residual) {}
