package cyborg.explain;

import cyborg.image.RgbImage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Deletion and insertion curves (as in RISE): pixels are removed from the image (set to black)
 * or inserted into a blurred copy of it, most salient first, in equal steps; the model's
 * probability of its original decision is tracked, and the area under the curve summarises it
 * (deletion: lower is better, the map found what matters; insertion: higher is better).
 */
public final class DeletionInsertion {
    private DeletionInsertion() {}

    /** The images after 0, 1/steps, ..., all of the pixels were deleted (or inserted). */
    public static List<RgbImage> steps(RgbImage image, Plane mapAtImageSize, int steps, boolean insertion) {
        int n = image.width() * image.height();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        float[] m = mapAtImageSize.values();
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -m[i]));
        byte[] start = insertion ? baseline(image).pixels() : image.pixels();
        byte[] current = start.clone();
        byte[] source = image.pixels();
        List<RgbImage> out = new ArrayList<>(steps + 1);
        out.add(new RgbImage(image.width(), image.height(), current.clone()));
        for (int k = 1; k <= steps; k++) {
            int from = (int) ((long) n * (k - 1) / steps);
            int to = (int) ((long) n * k / steps);
            for (int j = from; j < to; j++) {
                int p = order[j] * 3;
                for (int c = 0; c < 3; c++) {
                    current[p + c] = insertion ? source[p + c] : 0;
                }
            }
            out.add(new RgbImage(image.width(), image.height(), current.clone()));
        }
        return out;
    }

    /** The insertion curve's starting point: the image blurred with sigma a tenth of its width. */
    static RgbImage baseline(RgbImage image) {
        Plane[] ch = Channels.split(image);
        for (int c = 0; c < 3; c++) {
            ch[c] = GaussianBlur.apply(ch[c], image.width() / 10.0);
        }
        return Channels.join(ch);
    }

    /** Trapezoid area of a curve sampled at equal steps over [0, 1]. */
    public static double area(double[] curve) {
        double a = 0;
        for (int i = 1; i < curve.length; i++) {
            a += (curve[i - 1] + curve[i]) / 2;
        }
        return a / (curve.length - 1);
    }
}
