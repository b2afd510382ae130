package cyborg.image;

import java.util.Objects;

/**
 * Turns an (already resized) RGB image into the float input of a network, exactly like
 * torchvision's {@code ToTensor()} followed by {@code Normalize(mean, std)}: channel-major
 * (CHW) layout, {@code x = v / 255f}, then {@code (x - mean[c]) / std[c]}, all in float32 and in
 * that order, so values are bit-identical to PyTorch's.
 */
public final class ImageTensors {
    private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    private ImageTensors() {
    }

    /** ImageNet per-channel mean (R, G, B) used by torchvision's pretrained models; a copy. */
    public static float[] imagenetMean() {
        return IMAGENET_MEAN.clone();
    }

    /** ImageNet per-channel standard deviation (R, G, B); a copy. */
    public static float[] imagenetStd() {
        return IMAGENET_STD.clone();
    }

    /** {@code ToTensor()} only: CHW floats in [0,1]. */
    public static float[] toChw(RgbImage image) {
        return normalizedChw(image, new float[] {0f, 0f, 0f}, new float[] {1f, 1f, 1f});
    }

    /** {@code ToTensor()} + {@code Normalize(IMAGENET_MEAN, IMAGENET_STD)}. */
    public static float[] toImagenetChw(RgbImage image) {
        return normalizedChw(image, IMAGENET_MEAN, IMAGENET_STD);
    }

    /** {@code ToTensor()} + {@code Normalize(mean, std)} into a new array of {@code 3*h*w} floats. */
    public static float[] normalizedChw(RgbImage image, float[] mean, float[] std) {
        Objects.requireNonNull(image, "image");
        float[] out = new float[3 * image.width() * image.height()];
        writeNormalizedChw(image, mean, std, out, 0);
        return out;
    }

    /**
     * Writes {@code ToTensor()} + {@code Normalize(mean, std)} into {@code dst} from
     * {@code offset} (channel 0 plane, then 1, then 2), so a batch can be filled without copies.
     */
    public static void writeNormalizedChw(RgbImage image, float[] mean, float[] std, float[] dst, int offset) {
        Objects.requireNonNull(image, "image");
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need 3 values (R, G, B)");
        }
        int plane = image.width() * image.height();
        if (offset < 0 || dst.length - offset < 3 * plane) {
            throw new IllegalArgumentException("destination too small: need " + 3 * plane
                    + " floats from offset " + offset + ", array has " + dst.length);
        }
        byte[] p = image.pixels();
        for (int c = 0; c < 3; c++) {
            float m = mean[c];
            float s = std[c];
            int base = offset + c * plane;
            for (int i = 0; i < plane; i++) {
                // Two float32 steps, as torch does: div(255) then sub(mean).div(std).
                float x = (p[3 * i + c] & 0xFF) / 255f;
                dst[base + i] = (x - m) / s;
            }
        }
    }
}
