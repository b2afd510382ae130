package cyborg.image;

import java.util.Objects;

/**
 * RGB to gray exactly as PIL's {@code convert('L')}, for gray-level inputs and for deriving
 * maps from images.
 *
 * <p>PIL documents {@code L = R*299/1000 + G*587/1000 + B*114/1000}, but computes it in 16-bit
 * fixed point: {@code (R*19595 + G*38470 + B*7471 + 0x8000) >> 16} (Convert.c, {@code L24}).
 * The documented integer formula differs from PIL by one level for some colours (checked over
 * all 2^24 colours with Pillow 9.4), so the fixed-point form is used here.
 */
public final class Luminance {
    private Luminance() {
    }

    /** PIL's luminance of one colour, 0..255. */
    public static int of(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    /** {@code image.convert('L')}. */
    public static GrayImage toGray(RgbImage image) {
        Objects.requireNonNull(image, "image");
        byte[] p = image.pixels();
        byte[] out = new byte[image.width() * image.height()];
        for (int i = 0, j = 0; i < out.length; i++, j += 3) {
            out[i] = (byte) of(p[j] & 0xFF, p[j + 1] & 0xFF, p[j + 2] & 0xFF);
        }
        return new GrayImage(image.width(), image.height(), out);
    }

    /** Luminance scaled to [0,1] as float32 {@code L / 255f} (numpy: {@code L.astype(float32) / 255}). */
    public static float[] toFloat(RgbImage image) {
        return toFloat(toGray(image));
    }

    /** Gray samples scaled to [0,1] as {@code v / 255f}. */
    public static float[] toFloat(GrayImage image) {
        Objects.requireNonNull(image, "image");
        byte[] p = image.pixels();
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (p[i] & 0xFF) / 255f;
        }
        return out;
    }
}
