package cyborg.score;

import cyborg.data.ImageOutputs;
import cyborg.data.Sample;
import cyborg.model.CamMap;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes an image's class activation map as an 8-bit grayscale PNG at the model's input size and
 * as a jet overlay on the resized image, named by the image's identity (its path under the data
 * root, see {@link ImageOutputs}): {@code DIR/<path without extension>_cam.png} and
 * {@code _overlay.png}, e.g. {@code DIR/train/real/ffhq/0000_cam.png}.
 */
public final class CamWriter {
    private final ImageOutputs outputs;
    private final int size;

    /**
     * @param dir output folder
     * @param size the model's input size (maps are upsampled to it)
     */
    public CamWriter(Path dir, int size) {
        this.outputs = new ImageOutputs(dir);
        this.size = size;
    }

    /** Writes both images of one sample's normalised CAM (at the CAM layer's resolution). */
    public void write(Sample sample, CamMap cam) throws IOException {
        cam.upsampled(size).writeGray(outputs.path(sample.id(), "_cam.png"));
        cam.writeOverlay(sample.image(), size, outputs.path(sample.id(), "_overlay.png"));
    }
}
