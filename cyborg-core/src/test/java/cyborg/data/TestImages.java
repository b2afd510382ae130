package cyborg.data;

import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;

import java.io.IOException;
import java.nio.file.Path;

/** Small images written for data tests. */
final class TestImages {
    private TestImages() {}

    /** A w x h image whose pixel (x, y) has gray value f(x, y). */
    static Path gray(Path file, int w, int h, java.util.function.IntBinaryOperator f) throws IOException {
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = f.applyAsInt(x, y);
                for (int c = 0; c < 3; c++) {
                    px[(y * w + x) * 3 + c] = (byte) v;
                }
            }
        }
        ImageFiles.writePng(new RgbImage(w, h, px), file);
        return file;
    }

    static Path plain(Path file, int size) throws IOException {
        return gray(file, size, size, (x, y) -> (x * 7 + y * 3) % 256);
    }
}
