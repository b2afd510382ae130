package cyborg.synth;

/**
 * The data-set bias of the benchmark: a small watermark-like mark (a bright frame around a dark
 * core) in the bottom-right corner, outside the face, like a logo one source stamps on its
 * images. In train and validation it comes with most synthetic images and few authentic ones; in
 * the open-set test it is independent of the label. It is local on purpose: a CAM is min-max
 * normalised, so it cannot show a cue spread evenly over the image, but it shows a corner.
 */
final class Shortcut {
    /** Gray levels the frame adds and the core removes. */
    static final double AMPLITUDE = 40;

    private Shortcut() {}

    /** The mark's outer box {x0, y0, x1, y1} (exclusive) in an image of {@code size} pixels. */
    static int[] box(int size) {
        int x0 = (int) Math.round(size * 0.75);
        int y0 = (int) Math.round(size * 0.83);
        int x1 = (int) Math.round(size * 0.97);
        int y1 = (int) Math.round(size * 0.97);
        return new int[] {x0, y0, Math.max(x0 + 4, x1), Math.max(y0 + 4, y1)};
    }

    private static boolean frame(int x, int y, int[] b) {
        return x == b[0] || y == b[1] || x == b[2] - 1 || y == b[3] - 1;
    }

    static void apply(Raster r, Face face) {
        int[] b = box(r.width);
        for (int y = b[1]; y < b[3]; y++) {
            for (int x = b[0]; x < b[2]; x++) {
                double v = frame(x, y, b) ? AMPLITUDE : -AMPLITUDE;
                r.add(x, y, v, v, v);
            }
        }
    }

    /**
     * How strongly {@code image} carries the mark: the mean gray level of the frame minus that of
     * the core (about 2 x AMPLITUDE with the mark, about 0 on a smooth background). Used by tests
     * to check the bias on pixels.
     */
    static double strength(Raster image, Face face) {
        int[] b = box(image.width);
        double frame = 0;
        double core = 0;
        int nf = 0;
        int nc = 0;
        for (int y = b[1]; y < b[3]; y++) {
            for (int x = b[0]; x < b[2]; x++) {
                int i = image.index(x, y);
                double gray = (image.rgb[i] + image.rgb[i + 1] + image.rgb[i + 2]) / 3;
                if (frame(x, y, b)) {
                    frame += gray;
                    nf++;
                } else {
                    core += gray;
                    nc++;
                }
            }
        }
        return frame / nf - core / nc;
    }
}
