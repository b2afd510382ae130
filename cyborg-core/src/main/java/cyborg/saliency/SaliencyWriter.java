package cyborg.saliency;

import cyborg.data.ImageId;
import cyborg.data.ImageOutputs;
import cyborg.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes saliency maps as 8-bit grayscale PNGs at feature resolution ({@code ID.METHOD.map.png})
 * and upsampled to the input size ({@code ID.METHOD.png}), a jet overlay on the resized image
 * ({@code ID.METHOD.overlay.png}), with ID the image's path under the data root without its
 * extension ({@link ImageOutputs}), and an index {@code saliency.csv} (image, target class, score,
 * files).
 */
public final class SaliencyWriter {
    private final Path dir;
    private final ImageOutputs outputs;
    private final String method;
    private final int size;
    private final List<String> rows = new ArrayList<>();

    /**
     * @param dir output folder
     * @param method the method's name, part of every file name
     * @param size the model's input size (maps are upsampled to it)
     */
    public SaliencyWriter(Path dir, String method, int size) {
        this.dir = dir;
        this.outputs = new ImageOutputs(dir);
        this.method = method;
        this.size = size;
    }

    /** Writes one image's files. */
    public void write(SaliencyResult r) throws IOException {
        r.prediction().requireFinite(r.sample().key());
        ImageId id = r.sample().id();
        Path upsampled = outputs.path(id, "." + method + ".png");
        r.map().writeGray(outputs.path(id, "." + method + ".map.png"));
        r.map().upsampled(size).writeGray(upsampled);
        r.map().writeOverlay(r.sample().image(), size, outputs.path(id, "." + method + ".overlay.png"));
        synchronized (rows) {
            rows.add(String.format(Locale.ROOT, "%s,%d,%s,%s", r.sample().key(), r.targetClass(), (float) r.score(),
                    ImageOutputs.relative(id, "." + method + ".png")));
        }
    }

    /** Writes the index, atomically; call after the last image. Returns how many images it lists. */
    public int finish() throws IOException {
        AtomicFiles.writeString(dir.resolve("saliency.csv"), "image,class,score,map\n" + String.join("\n", rows) + "\n");
        return rows.size();
    }
}
