package cyborg.score;

import cyborg.data.Sample;
import cyborg.data.ImageExtensions;
import cyborg.model.CamMap;

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

    /** Writes both images of one sample's normalised CAM (at the CAM layer's resolution). */
    public void write(Sample sample, CamMap cam) throws IOException {
        Path folder = dir.resolve(sample.source());
        String stem = ImageExtensions.stem(sample.image());
        cam.upsampled(size).writeGray(folder.resolve(stem + "_cam.png"));
        cam.writeOverlay(sample.image(), size, folder.resolve(stem + "_overlay.png"));
    }
}
