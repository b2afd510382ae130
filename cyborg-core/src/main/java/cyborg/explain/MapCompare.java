package cyborg.explain;

import cyborg.image.MapImages;
import cyborg.image.Resampler;

/** How maps are compared: upsampled to the image, as 8-bit for SSIM and as floats for Pearson. */
final class MapCompare {
    private MapCompare() {}

    /** A map resized (PIL bilinear) to {@code size} x {@code size}. */
    static Plane upsample(Plane map, int size) {
        if (map.width() == size && map.height() == size) {
            return map;
        }
        return new Plane(size, size, Resampler.resize(map.values(), map.width(), map.height(), size, size));
    }

    /** 8-bit levels of a map in [0,1], exactly as its PNG stores them ({@link MapImages#toGray}). */
    static int[] gray(Plane map) {
        byte[] b = MapImages.toGray(map.values(), map.width(), map.height()).pixels();
        int[] g = new int[b.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = b[i] & 0xFF;
        }
        return g;
    }

    /** SSIM of two maps' 8-bit versions (NaN when smaller than the 7x7 window). */
    static double ssim(Plane a, Plane b) {
        if (a.width() < Ssim.WINDOW || a.height() < Ssim.WINDOW) {
            return Double.NaN;
        }
        return Ssim.of(gray(a), gray(b), a.width(), a.height());
    }

    static double pearson(Plane a, Plane b) {
        double[] x = new double[a.values().length];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = a.values()[i];
            y[i] = b.values()[i];
        }
        return Pearson.of(x, y);
    }
}
