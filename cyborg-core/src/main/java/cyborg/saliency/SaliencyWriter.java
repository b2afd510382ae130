package cyborg.saliency;

import cyborg.data.ImageExtensions;
import cyborg.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes saliency maps as 8-bit grayscale PNGs at feature resolution ({@code NAME.METHOD.map.png})
 * and upsampled to the input size ({@code NAME.METHOD.png}), a jet overlay on the resized image
 * ({@code NAME.METHOD.overlay.png}), all under {@code DIR/<source>/}, and an index
 * {@code saliency.csv} (image, target class, score, files).
 */
public final class SaliencyWriter {
    private final Path dir;
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
        this.method = method;
        this.size = size;
    }

    /** Writes one image's files. */
    public void write(SaliencyResult r) throws IOException {
        r.prediction().requireFinite(r.sample().key());
        Path folder = dir.resolve(r.sample().source());
        String stem = ImageExtensions.stem(r.sample().image()) + "." + method;
        r.map().writeGray(folder.resolve(stem + ".map.png"));
        r.map().upsampled(size).writeGray(folder.resolve(stem + ".png"));
        r.map().writeOverlay(r.sample().image(), size, folder.resolve(stem + ".overlay.png"));
        synchronized (rows) {
            rows.add(String.format(Locale.ROOT, "%s,%d,%s,%s", r.sample().key(), r.targetClass(), (float) r.score(),
                    dir.relativize(folder.resolve(stem + ".png"))));
        }
    }

    /** Writes the index, atomically; call after the last image. Returns how many images it lists. */
    public int finish() throws IOException {
        AtomicFiles.writeString(dir.resolve("saliency.csv"), "image,class,score,map\n" + String.join("\n", rows) + "\n");
        return rows.size();
    }
}
