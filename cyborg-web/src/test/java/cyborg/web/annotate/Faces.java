package cyborg.web.annotate;

import cyborg.data.FolderLayout;
import cyborg.data.Sample;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** A folder layout of small random images for annotation tests, read back as the CLI reads --folder. */
public final class Faces {
    private Faces() {
    }

    /** Writes {@code real} Real and {@code synthetic} Synthetic images of w x h under {@code dir}; returns the samples. */
    public static List<Sample> write(Path dir, int real, int synthetic, int w, int h) throws IOException {
        Random r = new Random(7);
        for (int i = 0; i < real; i++) {
            png(dir.resolve("real/wild/real-" + i + ".png"), w, h, r);
        }
        for (int i = 0; i < synthetic; i++) {
            png(dir.resolve("synthetic/gan/fake-" + i + ".png"), w, h, r);
        }
        return samples(dir);
    }

    /** The samples of a folder layout written by {@link #write}, read as the CLI reads --folder (root as given). */
    public static List<Sample> samples(Path dir) throws IOException {
        return FolderLayout.scan(dir, "test").samples();
    }

    private static void png(Path file, int w, int h, Random r) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    /** A mask of w x h marking the pixels {@code marked} says. */
    public static Mask mask(int w, int h, java.util.function.BiPredicate<Integer, Integer> marked) {
        boolean[] bits = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bits[y * w + x] = marked.test(x, y);
            }
        }
        return new Mask(w, h, bits);
    }
}
