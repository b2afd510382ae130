package cyborg.synth;

import cyborg.image.RgbImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulated human annotators: each points at the regions that matter (a synthetic image's tells;
 * the eyes, nose and mouth of an authentic one) with a soft blob, jittered in place and size,
 * and sometimes misses one or glances at another face part.
 */
final class Annotators {
    static final int COUNT = 3;
    private static final double MISS = 0.15;
    private static final double EXTRA = 0.25;

    private Annotators() {}

    /** One map per annotator, grayscale, brighter = more salient. */
    static List<RgbImage> maps(Face face, List<Region> targets, Random rng) {
        List<RgbImage> out = new ArrayList<>();
        for (int a = 0; a < COUNT; a++) {
            List<Region> marked = new ArrayList<>();
            for (Region t : targets) {
                if (rng.nextDouble() >= MISS || targets.size() == 1) {
                    marked.add(t);
                }
            }
            if (rng.nextDouble() < EXTRA) {
                List<Region> parts = face.inspected();
                marked.add(parts.get(rng.nextInt(parts.size())));
            }
            out.add(render(face.size, marked, rng));
        }
        return out;
    }

    private static RgbImage render(int size, List<Region> regions, Random rng) {
        float[] v = new float[size * size];
        for (Region g : regions) {
            double radius = (g.rx() + g.ry()) / 2;
            double cx = g.cx() + rng.nextGaussian() * 0.25 * radius;
            double cy = g.cy() + rng.nextGaussian() * 0.25 * radius;
            double sx = Math.max(1, g.rx() * (0.8 + 0.5 * rng.nextDouble()));
            double sy = Math.max(1, g.ry() * (0.8 + 0.5 * rng.nextDouble()));
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double dx = (x + 0.5 - cx) / sx;
                    double dy = (y + 0.5 - cy) / sy;
                    v[y * size + x] = (float) Math.max(v[y * size + x], Math.exp(-(dx * dx + dy * dy) / 2));
                }
            }
        }
        byte[] px = new byte[size * size * 3];
        for (int i = 0; i < v.length; i++) {
            byte b = (byte) Math.round(255 * v[i]);
            px[3 * i] = b;
            px[3 * i + 1] = b;
            px[3 * i + 2] = b;
        }
        return new RgbImage(size, size, px);
    }
}
