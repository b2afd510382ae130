package cyborg.explain;

import cyborg.image.RgbImage;

import java.util.ArrayList;
import java.util.List;

/**
 * A geometric transformation of an image and, identically, of a map: flips, shifts (the image is
 * padded by edge replication, then cropped back) and rotations by 90 degrees. Used to test whether
 * a model's salience follows the image (equivariance).
 *
 * @param name e.g. {@code flip-lr}, {@code shift+16-16}, {@code rot90}
 * @param kind what to do
 * @param dx shift right (pixels), for shifts
 * @param dy shift down (pixels), for shifts
 */
public record GeometricTransform(String name, Kind kind, int dx, int dy) {
    /** The kinds of transformation. */
    public enum Kind { FLIP_LR, FLIP_TB, SHIFT, ROT90_CW, ROT90_CCW }

    /**
     * The reference set: left-right and top-bottom flips, the 8 shifts of +-{@code shift} pixels
     * (horizontal, vertical, diagonal), and rotations by 90 degrees each way.
     */
    public static List<GeometricTransform> reference(int shift) {
        List<GeometricTransform> t = new ArrayList<>();
        t.add(new GeometricTransform("flip-lr", Kind.FLIP_LR, 0, 0));
        t.add(new GeometricTransform("flip-tb", Kind.FLIP_TB, 0, 0));
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (dx != 0 || dy != 0) {
                    t.add(new GeometricTransform(String.format("shift%+d%+d", dx * shift, dy * shift), Kind.SHIFT,
                            dx * shift, dy * shift));
                }
            }
        }
        t.add(new GeometricTransform("rot90-cw", Kind.ROT90_CW, 0, 0));
        t.add(new GeometricTransform("rot90-ccw", Kind.ROT90_CCW, 0, 0));
        return t;
    }

    /** Where output pixel (x, y) of a w x h image takes its value from (after the transform's own size). */
    private int[] source(int x, int y, int w, int h) {
        return switch (kind) {
            case FLIP_LR -> new int[] {w - 1 - x, y};
            case FLIP_TB -> new int[] {x, h - 1 - y};
            case SHIFT -> new int[] {x - dx, y - dy};
            case ROT90_CW -> new int[] {y, h - 1 - x};
            case ROT90_CCW -> new int[] {w - 1 - y, x};
        };
    }

    private boolean swapsAxes() {
        return kind == Kind.ROT90_CW || kind == Kind.ROT90_CCW;
    }

    /** Transforms a map (shifts replicate the edge). */
    public Plane apply(Plane p) {
        int ow = swapsAxes() ? p.height() : p.width();
        int oh = swapsAxes() ? p.width() : p.height();
        float[] out = new float[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int[] s = source(x, y, p.width(), p.height());
                out[y * ow + x] = p.clamped(s[0], s[1]);
            }
        }
        return new Plane(ow, oh, out);
    }

    /** Transforms an image (shifts replicate the edge). */
    public RgbImage apply(RgbImage img) {
        int w = img.width();
        int h = img.height();
        int ow = swapsAxes() ? h : w;
        int oh = swapsAxes() ? w : h;
        byte[] src = img.pixels();
        byte[] out = new byte[ow * oh * 3];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int[] s = source(x, y, w, h);
                int sx = Math.max(0, Math.min(w - 1, s[0]));
                int sy = Math.max(0, Math.min(h - 1, s[1]));
                System.arraycopy(src, (sy * w + sx) * 3, out, (y * ow + x) * 3, 3);
            }
        }
        return new RgbImage(ow, oh, out);
    }
}
