package cyborg.model;

import cyborg.image.GrayImage;
import cyborg.image.ImageFiles;
import cyborg.image.MapImages;
import cyborg.image.Resampler;
import cyborg.image.RgbImage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One image's normalised saliency map (a CAM, or any method's map), values in [0, 1], row-major,
 * {@code height} rows by {@code width} columns: at the CAM layer's resolution as a model gives it,
 * or upsampled. The one place a map becomes pixels: every command that shows a map (score's
 * {@code --cams}, serve, spark score, saliency, explain) renders it here, so they show the same
 * pixels. The array is shared, not copied; treat it as read-only.
 *
 * @param height rows
 * @param width columns
 * @param values {@code height * width} values
 */
public record CamMap(int height, int width, float[] values) {
    public CamMap {
        if (height <= 0 || width <= 0 || values.length != (long) height * width) {
            throw new IllegalArgumentException("map of " + values.length + " values is not " + height + "x" + width);
        }
    }

    /** The map upsampled (bilinear, as {@link Resampler#resize(float[], int, int, int, int)}) to {@code size x size}. */
    public CamMap upsampled(int size) {
        return new CamMap(size, size, Resampler.resize(values, width, height, size, size));
    }

    /** 8 bits per cell: {@code round(v * 255)} clipped to 0..255, NaN as 0 ({@link MapImages#toGray}). */
    public GrayImage gray() {
        return MapImages.toGray(values, width, height);
    }

    /** {@link #gray()} as the bytes of an 8-bit grayscale PNG. */
    public byte[] grayPng() throws IOException {
        return MapImages.grayPng(values, width, height);
    }

    /** Writes {@link #gray()} as an 8-bit grayscale PNG, atomically. */
    public void writeGray(Path png) throws IOException {
        MapImages.writeGray(values, width, height, png);
    }

    /** The map in jet colours (0 = blue, 1 = red) at its own size, as PNG bytes (the page blends it itself). */
    public byte[] jetPng() throws IOException {
        return ImageFiles.encodePng(MapImages.jet(values, width, height));
    }

    /**
     * Writes the map upsampled to {@code image}'s size in jet colours, blended 50/50 with the
     * image ({@link MapImages#overlay}), as an RGB PNG, atomically.
     */
    public void writeOverlay(RgbImage image, Path png) throws IOException {
        MapImages.writeOverlay(image, values, width, height, png);
    }

    /**
     * Writes the overlay on the image file {@code image} resized to {@code size x size} (the
     * model's input, as the map sees it).
     */
    public void writeOverlay(Path image, int size, Path png) throws IOException {
        writeOverlay(Resampler.resize(ImageFiles.readRgb(image), size, size), png);
    }
}
