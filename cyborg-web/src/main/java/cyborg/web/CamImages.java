package cyborg.web;

import cyborg.image.ImageFiles;
import cyborg.image.MapImages;
import cyborg.image.Resampler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** A normalised CAM as the page shows it: upsampled to the model's input size, jet-coloured, as a PNG data URL. */
final class CamImages {
    private CamImages() {
    }

    /**
     * @param cam row-major, {@code camSize[0]} rows by {@code camSize[1]} columns, in [0, 1]
     * @param size the model's input size
     */
    static String dataUrl(float[] cam, int[] camSize, int size) {
        // The same upsampling as `cyborg score --cams` (CamWriter), then jet colours alone: the page blends.
        float[] up = Resampler.resize(cam, camSize[1], camSize[0], size, size);
        try {
            byte[] png = ImageFiles.encodePng(MapImages.jet(up, size, size));
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
