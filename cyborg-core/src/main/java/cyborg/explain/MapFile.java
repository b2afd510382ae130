package cyborg.explain;

import cyborg.image.DecodedImage;
import cyborg.image.ImageFiles;
import cyborg.image.Luminance;
import cyborg.image.RgbImage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a saliency-map image as the 8-bit grayscale map the Python analysis code sees from
 * {@code PIL.Image.open(f).convert('L')}: decoded by {@link ImageFiles}, the decoder of every
 * command (so a truncated map fails here as it fails everywhere), then ITU-R 601 luma with PIL's
 * integer rounding, which leaves gray as stored and looks palette entries up; alpha is ignored.
 *
 * <p>Images with more than 8 bits per sample are rejected: PIL clips 16-bit gray to 255 on that
 * conversion, which would silently whiten the map.
 */
public final class MapFile {
    private MapFile() {
    }

    /**
     * Reads {@code file} as an 8-bit grayscale map.
     *
     * @throws IOException naming the file when it is missing, cannot be decoded or has more than
     *     8 bits per sample
     */
    public static GrayMap read(Path file) throws IOException {
        DecodedImage decoded = ImageFiles.decode(file);
        if (decoded.sampleBits() > 8) {
            throw new IOException(file + ": unsupported saliency map with " + decoded.sampleBits()
                    + "-bit samples; save saliency maps with 8 bits per channel");
        }
        RgbImage rgb = decoded.rgb();
        byte[] p = rgb.pixels();
        int[] out = new int[rgb.width() * rgb.height()];
        for (int i = 0, j = 0; i < out.length; i++, j += 3) {
            out[i] = Luminance.of(p[j] & 0xFF, p[j + 1] & 0xFF, p[j + 2] & 0xFF);
        }
        return new GrayMap(rgb.width(), rgb.height(), out);
    }
}
