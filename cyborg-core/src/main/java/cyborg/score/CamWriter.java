package cyborg.score;

import cyborg.data.Sample;
import cyborg.image.ImageFiles;
import cyborg.image.MapImages;
import cyborg.image.Resampler;
import cyborg.image.RgbImage;
import cyborg.data.ImageExtensions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes an image's class activation map as an 8-bit grayscale PNG at the model's input size and
 * as a jet overlay on the resized image: {@code DIR/<source>/<name>_cam.png} and
 * {@code DIR/<source>/<name>_overlay.png}.
 */
public final class CamWriter {
    private final Path dir;
    private final int size;

    /**
     * @param dir output folder
     * @param size the model's input size (maps are upsampled to it)
     */
    public CamWriter(Path dir, int size) {
        this.dir = dir;
        this.size = size;
    }

    /** Writes both images of one sample's normalised CAM (h x w, row-major). */
    public void write(Sample sample, float[] cam, int height, int width) throws IOException {
        Path folder = dir.resolve(sample.source());
        String stem = ImageExtensions.stem(sample.image());
        float[] up = Resampler.resize(cam, width, height, size, size);
        MapImages.writeGray(up, size, size, folder.resolve(stem + "_cam.png"));
        RgbImage image = Resampler.resize(ImageFiles.readRgb(sample.image()), size, size);
        MapImages.writeOverlay(image, cam, width, height, folder.resolve(stem + "_overlay.png"));
    }
}
