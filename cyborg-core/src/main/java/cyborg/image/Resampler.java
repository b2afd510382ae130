package cyborg.image;

import java.util.Objects;

/**
 * Bilinear resizing that reproduces PIL's {@code Image.resize(size, Image.BILINEAR)} exactly,
 * which is what torchvision's {@code Resize} does to the PIL images the reference models were
 * trained on. When shrinking, PIL widens the triangle filter by the scale factor, i.e. it
 * antialiases; plain 2x2 bilinear interpolation (java.awt, OpenCV) does not and gives
 * different pixels.
 *
 * <p>The algorithm is Pillow's {@code Resample.c}: separable, horizontal pass first, then
 * vertical; a pass is skipped when its dimension is unchanged. For 8-bit images the weights are
 * fixed point with {@link #PRECISION_BITS} fractional bits and each pass rounds and clips to
 * 0..255. For float maps (PIL mode "F") sums are accumulated in double and each pass stores
 * float, as PIL does, so results are bit-identical to PIL's mode F.
 */
public final class Resampler {
    /** PIL's fixed-point precision for 8-bit resampling: 32 - 8 - 2. */
    public static final int PRECISION_BITS = 32 - 8 - 2;

    private Resampler() {
    }

    /** PIL-exact bilinear resize of an RGB image. */
    public static RgbImage resize(RgbImage src, int newWidth, int newHeight) {
        Objects.requireNonNull(src, "src");
        byte[] out = resize8(src.pixels(), src.width(), src.height(), 3, newWidth, newHeight);
        return new RgbImage(newWidth, newHeight, out);
    }

    /** PIL-exact bilinear resize of a gray (mode L) image. */
    public static GrayImage resize(GrayImage src, int newWidth, int newHeight) {
        Objects.requireNonNull(src, "src");
        byte[] out = resize8(src.pixels(), src.width(), src.height(), 1, newWidth, newHeight);
        return new GrayImage(newWidth, newHeight, out);
    }

    /**
     * PIL-exact bilinear resize of interleaved 8-bit samples with {@code channels} per pixel.
     * Returns a new array (a copy when the size is unchanged).
     */
    public static byte[] resize8(byte[] src, int width, int height, int channels, int newWidth, int newHeight) {
        checkArgs(src == null ? -1 : src.length, width, height, channels, newWidth, newHeight);
        boolean horizontal = newWidth != width;
        boolean vertical = newHeight != height;
        FilterWindows vert = FilterWindows.bilinear(height, newHeight);
        byte[] cur = src;
        int curRowOffset = 0; // first source row held in cur
        if (horizontal) {
            // Like PIL, only the rows the vertical pass will read are resampled horizontally.
            int first = vertical ? vert.start(0) : 0;
            int last = vertical ? vert.start(newHeight - 1) + vert.count(newHeight - 1) : height;
            cur = horizontalPass8(src, width, channels, first, last - first,
                    FilterWindows.bilinear(width, newWidth));
            curRowOffset = first;
        }
        if (vertical) {
            return verticalPass8(cur, newWidth, channels, curRowOffset, vert);
        }
        return cur == src ? src.clone() : cur;
    }

    /**
     * Bilinear resize of a single-channel float map (row-major, {@code width*height} values),
     * bit-identical to PIL's {@code Image.fromarray(a, 'F').resize((newW, newH), BILINEAR)}.
     * Same weights as the 8-bit path, no 8-bit rounding: used to bring human saliency maps to a
     * CAM's resolution (e.g. 224x224 to 7x7) and CAMs back to image size.
     */
    public static float[] resize(float[] src, int width, int height, int newWidth, int newHeight) {
        checkArgs(src == null ? -1 : src.length, width, height, 1, newWidth, newHeight);
        float[] cur = src;
        if (newWidth != width) {
            cur = horizontalPassF(cur, width, height, FilterWindows.bilinear(width, newWidth));
        }
        if (newHeight != height) {
            cur = verticalPassF(cur, newWidth, FilterWindows.bilinear(height, newHeight));
        }
        return cur == src ? src.clone() : cur;
    }

    private static void checkArgs(int length, int width, int height, int channels, int newWidth, int newHeight) {
        if (length < 0) {
            throw new NullPointerException("src");
        }
        if (width <= 0 || height <= 0 || newWidth <= 0 || newHeight <= 0 || channels <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + width + "x" + height
                    + " -> " + newWidth + "x" + newHeight + ", channels " + channels);
        }
        if ((long) width * height * channels != length) {
            throw new IllegalArgumentException("source has " + length + " values, expected "
                    + (long) width * height * channels + " for " + width + "x" + height + "x" + channels);
        }
    }

    /** PIL's clip8: drop the fraction (the sum already holds +0.5) and clamp to a byte. */
    private static byte clip8(int acc) {
        int v = acc >> PRECISION_BITS;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    private static byte[] horizontalPass8(byte[] src, int width, int ch, int firstRow, int rows, FilterWindows w) {
        int outW = w.outSize;
        int[] k = w.fixedPoint();
        byte[] out = new byte[outW * rows * ch];
        int[] acc = new int[ch];
        for (int y = 0; y < rows; y++) {
            int rowBase = (y + firstRow) * width * ch;
            int outBase = y * outW * ch;
            for (int xx = 0; xx < outW; xx++) {
                int xmin = w.start(xx);
                int n = w.count(xx);
                int kb = xx * w.ksize;
                java.util.Arrays.fill(acc, 1 << (PRECISION_BITS - 1)); // +0.5 for rounding
                for (int x = 0; x < n; x++) {
                    int p = rowBase + (x + xmin) * ch;
                    int kx = k[kb + x];
                    for (int c = 0; c < ch; c++) {
                        acc[c] += (src[p + c] & 0xFF) * kx;
                    }
                }
                for (int c = 0; c < ch; c++) {
                    out[outBase + xx * ch + c] = clip8(acc[c]);
                }
            }
        }
        return out;
    }

    private static byte[] verticalPass8(byte[] src, int width, int ch, int rowOffset, FilterWindows w) {
        int outH = w.outSize;
        int[] k = w.fixedPoint();
        int stride = width * ch;
        byte[] out = new byte[stride * outH];
        for (int yy = 0; yy < outH; yy++) {
            int ymin = w.start(yy) - rowOffset;
            int n = w.count(yy);
            int kb = yy * w.ksize;
            int outBase = yy * stride;
            for (int i = 0; i < stride; i++) {
                int acc = 1 << (PRECISION_BITS - 1);
                for (int y = 0; y < n; y++) {
                    acc += (src[(y + ymin) * stride + i] & 0xFF) * k[kb + y];
                }
                out[outBase + i] = clip8(acc);
            }
        }
        return out;
    }

    private static float[] horizontalPassF(float[] src, int width, int height, FilterWindows w) {
        int outW = w.outSize;
        float[] out = new float[outW * height];
        for (int y = 0; y < height; y++) {
            int rowBase = y * width;
            for (int xx = 0; xx < outW; xx++) {
                int xmin = w.start(xx);
                int n = w.count(xx);
                int kb = xx * w.ksize;
                double ss = 0.0;
                for (int x = 0; x < n; x++) {
                    ss += src[rowBase + x + xmin] * w.weights[kb + x];
                }
                out[y * outW + xx] = (float) ss;
            }
        }
        return out;
    }

    private static float[] verticalPassF(float[] src, int width, FilterWindows w) {
        int outH = w.outSize;
        float[] out = new float[width * outH];
        for (int yy = 0; yy < outH; yy++) {
            int ymin = w.start(yy);
            int n = w.count(yy);
            int kb = yy * w.ksize;
            for (int xx = 0; xx < width; xx++) {
                double ss = 0.0;
                for (int y = 0; y < n; y++) {
                    ss += src[(y + ymin) * width + xx] * w.weights[kb + y];
                }
                out[yy * width + xx] = (float) ss;
            }
        }
        return out;
    }
}
