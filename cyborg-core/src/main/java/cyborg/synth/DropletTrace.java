package cyborg.synth;

import java.util.List;
import java.util.Random;

/**
 * A droplet-shaped blob with a highlight, as instance normalisation left in StyleGAN's images
 * (Karras et al., "Analyzing and improving the image quality of StyleGAN", 2020).
 */
record DropletTrace() implements Trace {
    @Override
    public Mechanism mechanism() {
        return Mechanism.DROPLET;
    }

    @Override
    public void apply(Raster r, List<Region> regions, double strength, Random rng) {
        for (Region at : regions) {
            double rad = at.rx() * (0.55 + 0.3 * strength);
            r.fillEllipse(at.cx(), at.cy(), rad, rad, new float[] {90, 40, 70}, 0.85 * strength);
            r.fillEllipse(at.cx() - rad * 0.3, at.cy() - rad * 0.3, rad * 0.35, rad * 0.35,
                    new float[] {230, 200, 220}, 0.7 * strength);
        }
    }
}
