package cyborg.loss;

import ai.djl.ndarray.NDArray;

/**
 * The KL variant of the CYBORG penalty ({@code kl}): {@code KL(map || cam)} with both read as
 * distributions over the cells (each divided by its sum, plus 1e-10), averaged over the images
 * that have a map.
 */
public final class CamMapKl implements LossTerm {
    private static final float EPS = 1e-10f;

    @Override
    public boolean needsMaps() {
        return true;
    }

    @Override
    public String name() {
        return "kl";
    }

    @Override
    public String what() {
        return "KL divergence between the human map and the CAM, both as distributions";
    }

    @Override
    public NDArray compute(LossContext c) {
        if (c.mapCount() == 0) {
            return c.zero();
        }
        NDArray p = distribution(c.maps());
        NDArray q = distribution(c.cam());
        NDArray perImage = p.mul(p.log().sub(q.log())).sum(new int[] {1});
        return c.maskedMean(perImage);
    }

    private static NDArray distribution(NDArray maps) {
        NDArray flat = maps.reshape(maps.getShape().get(0), -1);
        return flat.div(flat.sum(new int[] {1}, true).add(EPS)).add(EPS);
    }
}
