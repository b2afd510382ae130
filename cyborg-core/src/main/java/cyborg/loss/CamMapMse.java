package cyborg.loss;

import ai.djl.ndarray.NDArray;

/**
 * The CYBORG penalty ({@code cyborg}): mean squared error between the normalised CAM and the
 * human map, averaged over pixels and over the images of the batch that have a map.
 */
public final class CamMapMse implements LossTerm {
    @Override
    public boolean needsMaps() {
        return true;
    }

    @Override
    public String name() {
        return "cyborg";
    }

    @Override
    public String what() {
        return "mean squared error between the normalised CAM and the human map (the CYBORG term)";
    }

    @Override
    public NDArray compute(LossContext c) {
        if (c.mapCount() == 0) {
            return c.zero();
        }
        long batch = c.maps().getShape().get(0);
        NDArray perImage = c.cam().sub(c.maps()).square().reshape(batch, -1).mean(new int[] {1});
        return c.maskedMean(perImage);
    }
}
