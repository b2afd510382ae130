package cyborg.data;

import cyborg.image.ImageFiles;
import cyborg.image.ImageSize;
import cyborg.image.Luminance;
import cyborg.image.Resampler;
import cyborg.image.RgbImage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the annotators' maps of one image and averages them: each map read as luminance in
 * [0,1] (colour maps via PIL's L conversion), resized to the first map's size if needed, then
 * the per-pixel mean. Normalisation happens after resizing to the CAM's size.
 */
public final class HumanMaps {
    /** Aspect ratios may differ by this fraction (rounding of odd sizes) before a map is refused. */
    private static final double ASPECT_TOLERANCE = 0.02;

    private HumanMaps() {}

    /**
     * @param maps the annotators' map files (at least one)
     * @param image the image's size, to check the maps' aspect ratio
     * @param origin where the image was declared, for errors
     */
    public static FloatMap average(List<Path> maps, ImageSize image, Origin origin) throws BadInputException {
        FloatMap sum = null;
        for (Path p : maps) {
            RgbImage rgb;
            try {
                rgb = ImageFiles.readRgb(p);
            } catch (IOException e) {
                throw new BadInputException(origin, BadInputReason.BAD_MAP, "human map " + p + ": "
                        + BadInputException.withoutFile(p, e.getMessage()));
            }
            double mapAspect = (double) rgb.width() / rgb.height();
            double imageAspect = (double) image.width() / image.height();
            if (Math.abs(mapAspect / imageAspect - 1) > ASPECT_TOLERANCE) {
                throw new BadInputException(origin, BadInputReason.MAP_ASPECT, "human map " + p + " is "
                        + rgb.width() + "x" + rgb.height() + " but its image is " + image.width() + "x"
                        + image.height() + "; a map must cover its image with the same aspect ratio");
            }
            float[] v = Luminance.toFloat(rgb);
            if (sum == null) {
                sum = new FloatMap(rgb.width(), rgb.height(), v);
                continue;
            }
            if (rgb.width() != sum.width() || rgb.height() != sum.height()) {
                v = Resampler.resize(v, rgb.width(), rgb.height(), sum.width(), sum.height());
            }
            float[] acc = sum.values();
            for (int i = 0; i < acc.length; i++) {
                acc[i] += v[i];
            }
        }
        if (sum == null) {
            throw new IllegalArgumentException("no maps given");
        }
        float[] acc = sum.values();
        for (int i = 0; i < acc.length; i++) {
            acc[i] /= maps.size();
        }
        return sum;
    }
}
