package cyborg.explain;

import cyborg.image.RgbImage;

/** Splits an 8-bit RGB image into float planes and joins them back (rounded, clipped). */
final class Channels {
    private Channels() {}

    static Plane[] split(RgbImage img) {
        int n = img.width() * img.height();
        Plane[] p = new Plane[3];
        byte[] px = img.pixels();
        for (int c = 0; c < 3; c++) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = px[3 * i + c] & 0xFF;
            }
            p[c] = new Plane(img.width(), img.height(), v);
        }
        return p;
    }

    static RgbImage join(Plane[] p) {
        int n = p[0].values().length;
        byte[] px = new byte[n * 3];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                px[3 * i + c] = (byte) Math.max(0, Math.min(255, Math.round(p[c].values()[i])));
            }
        }
        return new RgbImage(p[0].width(), p[0].height(), px);
    }
}
