package cyborg.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * Converts whatever javax.imageio decoded (gray, gray+alpha, palette, RGB, RGBA, 16-bit) to
 * 8-bit RGB the way PIL's {@code convert('RGB')} does: alpha is dropped (not composited),
 * gray is replicated, palette indices are looked up, and no colour management is applied.
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

    static RgbImage toRgb(BufferedImage bi) {
        ColorModel cm = bi.getColorModel();
        Raster raster = bi.getRaster();
        int w = bi.getWidth();
        int h = bi.getHeight();
        int transfer = raster.getTransferType();
        boolean integral = transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT
                || transfer == DataBuffer.TYPE_SHORT || transfer == DataBuffer.TYPE_INT;
        if (cm instanceof ComponentColorModel && integral) {
            int type = cm.getColorSpace().getType();
            int colours = cm.getNumColorComponents();
            if (type == ColorSpace.TYPE_GRAY && colours == 1) {
                return fromBands(raster, w, h, new int[] {0, 0, 0}, cm.getComponentSize(0));
            }
            if (type == ColorSpace.TYPE_RGB && colours == 3) {
                return fromBands(raster, w, h, new int[] {0, 1, 2}, cm.getComponentSize(0));
            }
        }
        // Palette images (IndexColorModel) and packed RGB (DirectColorModel, e.g. 16-bit BMP)
        // are exact through getRGB; anything else (CMYK, float rasters) needs its conversion.
        return viaGetRgb(bi, w, h);
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
