package cyborg.data;

import cyborg.image.ImageTensors;
import cyborg.image.Resampler;
import cyborg.image.RgbImage;

/**
 * How an image becomes a model input: resized to {@code size} x {@code size} (PIL bilinear,
 * antialiased), scaled to [0,1], normalised per channel with {@code mean} and {@code std}.
 */
public record Preprocessing(int size, float[] mean, float[] std) {
    /** The normalised CHW input (3, size, size) of an image: resized PIL-exact unless already that size, then normalised. */
    public float[] input(RgbImage image) {
        RgbImage img = image;
        if (img.width() != size || img.height() != size) {
            img = Resampler.resize(img, size, size);
        }
        return ImageTensors.normalizedChw(img, mean, std);
    }

    /** ImageNet normalisation, used by the ResNet, DenseNet and Inception references. */
    public static Preprocessing imagenet(int size) {
        return new Preprocessing(size, new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});
    }

    /** Mean = std = 0.5, used by the Xception reference. */
    public static Preprocessing half(int size) {
        return new Preprocessing(size, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});
    }
}
