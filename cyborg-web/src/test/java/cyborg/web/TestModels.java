package cyborg.web;

import ai.djl.ndarray.NDManager;
import cyborg.model.Architecture;
import cyborg.model.CamNetwork;
import cyborg.model.ModelInfo;
import cyborg.model.SavedModel;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Random;
import javax.imageio.ImageIO;

/** Two small untrained smallresnet model folders (32 px) and test images, made once per test JVM and shared. */
final class TestModels {
    static final int SIZE = 32;
    private static Path root;

    private TestModels() {
    }

    /** {@code ROOT/alpha/run-1} and {@code ROOT/beta/run-1}: different seeds, so different scores. */
    static synchronized Path root() {
        if (root == null) {
            try {
                Path dir = Files.createTempDirectory("cyborg-web-models");
                dir.toFile().deleteOnExit();
                save(dir.resolve("alpha/run-1"), 1);
                save(dir.resolve("beta/run-1"), 2);
                root = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static Path alpha() {
        return root().resolve("alpha/run-1");
    }

    static Path beta() {
        return root().resolve("beta/run-1");
    }

    private static void save(Path dir, long seed) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            CamNetwork net = Architecture.SMALLRESNET.create(manager, seed);
            ModelInfo info = ModelInfo.of(Architecture.SMALLRESNET, SIZE, SavedModel.camSize(net, manager, SIZE));
            info.loss = "cross-entropy";
            info.camClass = "predicted";
            info.seed = seed;
            info.epoch = 1;
            info.metrics = new LinkedHashMap<>();
            info.metrics.put("val_auc", 0.5);
            SavedModel.save(dir, net, info);
        }
    }

    /** A PNG of random pixels (w x h) from {@code seed}. */
    static byte[] png(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
