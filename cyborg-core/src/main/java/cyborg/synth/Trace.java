package cyborg.synth;

import java.util.List;
import java.util.Random;

/**
 * One way a generator leaves a trace in its images: a mechanism (upsampling, smearing, colour
 * cast, blending seam, droplet) with the parameters of one family. Applied to a final-size image
 * inside the family's regions; {@code strength} in [{@link GeneratorFamily#MIN_STRENGTH}, 1] scales it per image.
 */
interface Trace {
    /** The mechanism this trace is an instance of. */
    Mechanism mechanism();

    void apply(Raster r, List<Region> regions, double strength, Random rng);

    /**
     * How far past its part the trace reaches (a factor of the part's radii): annotators mark the
     * part grown by it, so that the maps cover every pixel the trace changed.
     */
    default double reach() {
        return 1.0;
    }

    /** Calls {@code op} for every pixel inside any of {@code regions} grown by {@code margin}. */
    static void forEachPixel(Raster r, List<Region> regions, double margin, PixelOp op) {
        for (int y = 0; y < r.height; y++) {
            for (int x = 0; x < r.width; x++) {
                for (Region g : regions) {
                    if (g.contains(x + 0.5, y + 0.5, margin)) {
                        op.apply(x, y);
                        break;
                    }
                }
            }
        }
    }

    @FunctionalInterface
    interface PixelOp {
        void apply(int x, int y);
    }
}
