package cyborg.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** ToTensor()+Normalize against the same float32 operations in numpy. */
class ImageTensorsGoldenTest {

    @Test
    void imagenetNormalisationMatchesTorchvisionFloat32() throws IOException {
        Golden.Case c = Golden.find("tensor", "000170_32x32_imagenet");
        RgbImage img = Resampler.resize(ImageFiles.readRgb(SharedData.require(c.source())), 32, 32);
        float[] actual = ImageTensors.toImagenetChw(img);
        Golden.Floats expected = Golden.floats(Golden.dir().resolve(c.file()));
        double max = Golden.maxAbsDiff(expected.values(), actual);
        System.out.println("GOLDEN tensor " + c.name() + " maxAbsDiff=" + max);
        assertEquals(0.0, max);
        assertEquals(c.sha256(), Golden.sha256(actual), "bit-identical float32");
    }

    @Test
    void layoutIsChannelMajor() {
        RgbImage img = new RgbImage(2, 1, new byte[] {(byte) 255, 0, 0, 0, (byte) 255, 0});
        float[] t = ImageTensors.toChw(img);
        assertArrayEquals(new float[] {1f, 0f, 0f, 1f, 0f, 0f}, t);
        float[] n = ImageTensors.toImagenetChw(img);
        assertEquals((1f - 0.485f) / 0.229f, n[0]);
        assertEquals((0f - 0.456f) / 0.224f, n[2]);
    }

    @Test
    void writesIntoABatchAtAnOffset() {
        RgbImage img = new RgbImage(1, 1, new byte[] {0, 0, 0});
        float[] batch = new float[7];
        ImageTensors.writeNormalizedChw(img, ImageTensors.imagenetMean(), ImageTensors.imagenetStd(), batch, 4);
        assertEquals(0f, batch[3]);
        assertEquals(-0.485f / 0.229f, batch[4]);
        assertThrows(IllegalArgumentException.class, () -> ImageTensors.writeNormalizedChw(
                img, ImageTensors.imagenetMean(), ImageTensors.imagenetStd(), batch, 5));
    }
}
