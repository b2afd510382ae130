package cyborg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cyborg.data.Label;
import cyborg.data.Origin;
import cyborg.data.Preprocessing;
import cyborg.data.Sample;
import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;
import cyborg.model.CamNetwork;
import cyborg.model.CamSplit;
import cyborg.nn.Linear;
import cyborg.nn.Module;
import cyborg.saliency.SaliencyMethod;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

class ExplainerTest {
    private static final int SIZE = 32;

    @TempDir
    Path dir;

    /** Its CAM-layer features are the input pixels, so its saliency is a pixel-wise function of the image. */
    private static final class PixelwiseNet extends Module implements CamNetwork {
        private final Linear fc;

        PixelwiseNet(NDManager m) {
            fc = child("fc", new Linear(m, new Random(3), 3, 2));
        }

        @Override
        public CamSplit forwardToCam(NDArray input) {
            return new CamSplit(input, null);
        }

        @Override
        public NDArray head(NDArray features, CamSplit split) {
            return fc.forward(features.getNDArrayInternal().globalAvgPool().reshape(features.getShape().get(0), -1));
        }

        @Override
        public NDArray classifierWeight() {
            return fc.weight();
        }

        @Override
        public Module module() {
            return this;
        }
    }

    /** A gray image whose darkest and brightest pixels sit at the centre, where no shift crops them. */
    private Sample centredImage() throws IOException {
        byte[] px = new byte[SIZE * SIZE * 3];
        Random r = new Random(9);
        for (int i = 0; i < SIZE * SIZE; i++) {
            int v = 20 + r.nextInt(200);
            int x = i % SIZE;
            int y = i / SIZE;
            if (x == 16 && y == 16) {
                v = 255;
            } else if (x == 15 && y == 15) {
                v = 0;
            }
            px[3 * i] = (byte) v;
            px[3 * i + 1] = (byte) v;
            px[3 * i + 2] = (byte) v;
        }
        Path f = dir.resolve("x.png");
        ImageFiles.writePng(new RgbImage(SIZE, SIZE, px), f);
        return new Sample(f.toString(), f, Label.REAL, "toy", "test", new Origin(f, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cam", "gradcam"})
    void exactlyEquivariantToyModelScoresPerfectEquivariance(String method) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            PixelwiseNet net = new PixelwiseNet(m);
            net.setTraining(false);
            Explainer e = new Explainer(net, Preprocessing.imagenet(SIZE), m, SaliencyMethod.of(method), 4, 4, 1);
            ImageMeasures r = e.measure(centredImage());
            assertEquals(12, r.equivarianceSsim.size());
            r.equivarianceSsim.forEach((t, v) -> assertEquals(1.0, v, 1e-9, method + " SSIM after " + t));
            r.equivariancePearson.forEach((t, v) -> assertEquals(1.0, v, 1e-6, method + " Pearson after " + t));
            // and the clean image against itself: no noise, same map
            assertEquals(1.0, r.noiseSsim[0], 1e-9);
        }
    }

    @Test
    void measuresAreInTheirRangesForATrainedShapeNetwork() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = cyborg.model.Architecture.SMALLRESNET.create(m, 2);
            net.module().setTraining(false);
            Explainer e = new Explainer(net, Preprocessing.imagenet(SIZE), m, SaliencyMethod.of("gradcam"), 4, 5, 1);
            ImageMeasures r = e.measure(centredImage());
            assertTrue(r.entropy >= 0 && r.entropy <= 1, "entropy " + r.entropy);
            assertEquals(8, r.noiseScore.length);
            assertEquals(6, r.deletion.length);
            assertTrue(r.deletionAuc >= 0 && r.deletionAuc <= 1 && r.insertionAuc >= 0 && r.insertionAuc <= 1);
            // the first point of the deletion curve is the clean image: the probability of its own decision
            assertTrue(r.deletion[0] >= 0.5, "decision probability " + r.deletion[0]);
            assertEquals(4 * 4, r.featureMap.length, "smallresnet at 32 px has a 4x4 CAM");
        }
    }
}
