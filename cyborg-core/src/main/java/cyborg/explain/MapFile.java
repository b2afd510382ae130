package cyborg.explain;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads a saliency-map image as the 8-bit grayscale map the Python analysis code sees from
 * {@code PIL.Image.open(f).convert('L')}: gray is taken as stored (1-, 2- and 4-bit gray scaled
 * to 0..255), colour and palette entries become ITU-R 601 luma with PIL's integer rounding, and
 * alpha is ignored.
 *
 * <p>Exact for 8-bit-per-channel and lower PNGs. Images with more than 8 bits per channel are
 * rejected: PIL clips 16-bit gray to 255 on that conversion, which would silently whiten the map.
 */
public final class MapFile {
    private MapFile() {
    }

    /**
     * Reads {@code file} as an 8-bit grayscale map.
     *
     * @throws IOException naming the file when it is missing, cannot be decoded or has a colour
     *     model this class does not reproduce PIL for
     */
    public static GrayMap read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("saliency map not found: " + file);
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot decode saliency map " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IOException("not a readable image (no ImageIO decoder recognises it): " + file);
        }
        try {
            return new GrayMap(image.getWidth(), image.getHeight(), luma(image));
        } catch (IllegalArgumentException e) {
            throw new IOException("unsupported saliency map " + file + ": " + e.getMessage(), e);
        }
    }

    /** PIL's L24 macro: 601 luma in 16-bit fixed point, rounded half up. */
    static int luma(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    private static int[] luma(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[w * h];
        if (cm instanceof IndexColorModel icm) {
            // Covers palette PNGs and ImageIO's decoding of 1/2/4-bit gray, whose palette is the
            // gray ramp PIL also scales to (e.g. x17 for 4 bits); luma of a gray entry is itself.
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = raster.getSample(x, y, 0);
                    out[y * w + x] = luma(icm.getRed(i), icm.getGreen(i), icm.getBlue(i));
                }
            }
            return out;
        }
        for (int c = 0; c < cm.getNumComponents(); c++) {
            if (cm.getComponentSize(c) > 8) {
                throw new IllegalArgumentException(cm.getComponentSize(c)
                        + "-bit samples; save saliency maps with 8 bits per channel");
            }
        }
        int type = cm.getColorSpace().getType();
        // Raw raster samples, not getRGB(): Java would pass gray through a linear-to-sRGB curve.
        if (type == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = raster.getSample(x, y, 0);
                }
            }
            return out;
        }
        if (type == ColorSpace.TYPE_RGB && cm.getNumColorComponents() == 3) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = luma(raster.getSample(x, y, 0), raster.getSample(x, y, 1),
                            raster.getSample(x, y, 2));
                }
            }
            return out;
        }
        throw new IllegalArgumentException("colour model with " + cm.getNumColorComponents()
                + " colour components is neither gray, RGB nor a palette");
    }
}
