package cyborg.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Converts whatever javax.imageio decoded (gray, gray+alpha, palette, RGB, RGBA, 16-bit, CMYK)
 * to 8-bit RGB the way PIL's {@code convert('RGB')} does: alpha is dropped (not composited),
 * gray is replicated, palette indices are looked up, CMYK goes through PIL's formula, and no
 * colour management is applied. JPEGs take their own path ({@link JpegColour}).
 *
 * <p>Samples are read from the raster rather than through {@code BufferedImage.getRGB}, because
 * {@code getRGB} converts linear-gray and ICC-tagged images through colour spaces and changes
 * the values, which PIL does not. 16-bit samples keep their high byte ({@code v >> 8}), which is
 * what PIL does when it opens 48-bit RGB PNGs (for 16-bit gray PIL would clip to 255 instead,
 * turning most real images white, which we do not copy).
 */
final class RgbConversion {
    private RgbConversion() {
    }

    /**
     * @throws IllegalArgumentException for colour models with no PIL-equal conversion (float
     *     samples, Lab, colour-managed packed pixels)
     */
    static RgbImage toRgb(BufferedImage bi) {
        ColorModel cm = bi.getColorModel();
        Raster raster = bi.getRaster();
        int w = bi.getWidth();
        int h = bi.getHeight();
        int transfer = raster.getTransferType();
        boolean integral = transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT
                || transfer == DataBuffer.TYPE_SHORT || transfer == DataBuffer.TYPE_INT;
        int type = cm.getColorSpace().getType();
        if (cm instanceof ComponentColorModel && integral) {
            int colours = cm.getNumColorComponents();
            if (type == ColorSpace.TYPE_GRAY && colours == 1) {
                return fromBands(raster, w, h, new int[] {0, 0, 0}, cm.getComponentSize(0));
            }
            if (type == ColorSpace.TYPE_RGB && colours == 3) {
                return fromBands(raster, w, h, new int[] {0, 1, 2}, cm.getComponentSize(0));
            }
            if (type == ColorSpace.TYPE_CMYK && colours == 4 && cm.getComponentSize(0) == 8) {
                return fromCmyk(raster, w, h);
            }
        }
        // Palette images (IndexColorModel) and packed sRGB (DirectColorModel, e.g. 16-bit BMP)
        // are exact through getRGB; anything else would be colour-managed, which PIL does not do.
        if (cm instanceof IndexColorModel || (cm instanceof DirectColorModel && cm.getColorSpace().isCS_sRGB())) {
            return viaGetRgb(bi, w, h);
        }
        throw new IllegalArgumentException("its colour model (" + cm.getNumComponents() + " components of "
                + cm.getComponentSize(0) + " bits, colour space type " + type + ") has no PIL-equal RGB conversion");
    }

    /** Bits per stored sample: 16 for deep PNG and TIFF, at most 8 otherwise. */
    static int sampleBits(BufferedImage bi) {
        ColorModel cm = bi.getColorModel();
        if (cm instanceof IndexColorModel) {
            return 8;
        }
        int bits = 0;
        for (int c = 0; c < cm.getNumComponents(); c++) {
            bits = Math.max(bits, cm.getComponentSize(c));
        }
        return bits;
    }

    /** Straight (not inverted) CMYK samples, as TIFF stores them, through PIL's formula. */
    private static RgbImage fromCmyk(Raster raster, int w, int h) {
        byte[] out = new byte[w * h * 3];
        int[] px = new int[w * 4];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, px);
            for (int x = 0; x < w; x++) {
                int k = px[4 * x + 3];
                int o = 3 * (y * w + x);
                out[o] = (byte) PilCmyk.channel(px[4 * x], k);
                out[o + 1] = (byte) PilCmyk.channel(px[4 * x + 1], k);
                out[o + 2] = (byte) PilCmyk.channel(px[4 * x + 2], k);
            }
        }
        return new RgbImage(w, h, out);
    }

    private static RgbImage fromBands(Raster raster, int w, int h, int[] bands, int bits) {
        byte[] out = new byte[w * h * 3];
        int[] row = new int[w];
        int max = (1 << bits) - 1;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, bands[c], row);
                int base = y * w * 3 + c;
                for (int x = 0; x < w; x++) {
                    out[base + 3 * x] = (byte) scale(row[x], bits, max);
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    private static int scale(int v, int bits, int max) {
        if (bits == 8) {
            return v;
        }
        if (bits > 8) {
            return (v >>> (bits - 8)) & 0xFF; // keep the high byte, like PIL for 16-bit RGB
        }
        return (v * 255 + max / 2) / max; // 1, 2, 4 bit samples spread over 0..255
    }

    private static RgbImage viaGetRgb(BufferedImage bi, int w, int h) {
        byte[] out = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            bi.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int i = 3 * (y * w + x);
                out[i] = (byte) (p >> 16);
                out[i + 1] = (byte) (p >> 8);
                out[i + 2] = (byte) p;
            }
        }
        return new RgbImage(w, h, out);
    }
}
