package cyborg.loss;

import ai.djl.ndarray.NDArray;

/**
 * Focus term {@code entmatch}: {@code (mean H(cam) - mean H(human map))^2}, pulling the CAMs'
 * entropy toward that of the human maps (means over the images that have a map).
 */
public final class EntropyMatch implements LossTerm {
    @Override
    public boolean needsMaps() {
        return true;
    }

    @Override
    public String name() {
        return "entmatch";
    }

    @Override
    public String what() {
        return "(mean H - mean human-map H)^2: the CAM as spread as the human maps";
    }

    @Override
    public NDArray compute(LossContext c) {
        if (c.mapCount() == 0) {
            return c.zero();
        }
        NDArray humanEntropy = c.maskedMean(SpatialEntropy.of(c.maps()));
        return c.maskedMean(c.camEntropy()).sub(humanEntropy).square();
    }
}
