package cyborg.synth;

import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;
import cyborg.io.AtomicFiles;
import cyborg.io.Json;
import cyborg.util.Seeds;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * A second shortcut task, independent of the face benchmark, after Decoy-MNIST (Ross, Hughes and
 * Doshi-Velez, "Right for the Right Reasons", IJCAI 2017; {@code dtak/rrr}'s
 * {@code decoy_mnist.py}). Deterministic from its seed.
 *
 * <p><b>Objects.</b> Each image shows one star-convex blob, lit from a random direction (smooth
 * Lambertian-like shading), in a random colour, at a random position on a cluttered background
 * (a two-colour gradient under random flat ellipses, rectangles and bars). Class 0 ({@code Real},
 * source {@code smooth}) objects carry only the shading; class 1 ({@code Synthetic}, source
 * {@code textured}) objects carry in addition a fine sinusoidal grating (period 2.5-3.5 px, random
 * orientation and phase, 25-40 gray levels), inside the object only. Sensor noise covers the
 * whole image. The label is thus in the object's texture and nowhere else.
 *
 * <p><b>The decoy</b> is Ross et al.'s: a uniform gray square in a randomly chosen corner, at the
 * very edge, of side {@code round(size / 7)} (4 px on 28 px MNIST), shade {@code 255 - 25 k}.
 * Decoy-MNIST takes {@code k} = the digit; with two classes, {@code k} is drawn uniformly from
 * {@code 0..4} for class 0 and from {@code 5..9} for class 1, so in train and validation the shade
 * (bright vs dark) tells the label exactly. In the test split {@code k} is uniform in
 * {@code 0..9} whatever the label (Ross's {@code randomize=True}). The square is drawn last, over
 * noise and objects (the object never reaches a corner square).
 *
 * <p><b>Files</b> (the reference layout, as {@code cyborg synth}): {@code split.csv} (train and
 * val with the label-coded decoy, test with the random one), {@code split-nodecoy.csv} (the same
 * images with a random decoy in train and val too, and the same test rows: the ceiling), {@code
 * decoy-truth.csv} (the test rows labelled by their decoy's shade, to measure reliance), {@code
 * images/<split>/[decoy|nodecoy/]<real|synthetic>/<smooth|textured>/NAME.png}, {@code
 * maps/NAME.<k>.png} from {@value #ANNOTATORS} simulated annotators who outline the object (a
 * soft mask of the blob, jittered in place and size), and {@code decoy.json}.
 */
public final class DecoyTask {
    /** Defaults, also quoted by the CLI's help. */
    public static final int DEFAULT_SIZE = 32;
    public static final int DEFAULT_TRAIN_PER_CLASS = 600;
    public static final int DEFAULT_VAL_PER_CLASS = 100;
    public static final int DEFAULT_TEST_PER_CLASS = 250;
    /** The split file whose train and val decoys are random too (the no-decoy ceiling). */
    public static final String NO_DECOY_SPLIT = "split-nodecoy.csv";
    /**
     * The test rows labelled by what their decoy says (k &lt; 5: Real), to measure how much a
     * model's scores follow the decoy (AUC 0.5: not at all).
     */
    public static final String DECOY_TRUTH = "decoy-truth.csv";
    /** Annotators per image. */
    public static final int ANNOTATORS = 2;
    /** Ross et al.'s shade step: shade = 255 - STEP * k. */
    static final int SHADE_STEP = 25;
    /** Shade indices k of class 0 are {@code 0..CLASS_SPLIT-1}, of class 1 {@code CLASS_SPLIT..9}. */
    static final int CLASS_SPLIT = 5;
    /** Fine texture of class 1: period (px) and amplitude (gray levels) ranges. */
    static final double PERIOD_MIN = 2.5;
    static final double PERIOD_MAX = 3.5;
    static final double TEXTURE_MIN = 25;
    static final double TEXTURE_MAX = 40;
    /** Sensor noise (gray levels, standard deviation). */
    static final double NOISE = 4;

    private final int size;
    private final long seed;
    private final int trainPerClass;
    private final int valPerClass;
    private final int testPerClass;

    private DecoyTask(Builder b) {
        this.size = b.size;
        this.seed = b.seed;
        this.trainPerClass = b.trainPerClass;
        this.valPerClass = b.valPerClass;
        this.testPerClass = b.testPerClass;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Side of the decoy square in pixels. */
    static int patchSide(int size) {
        return Math.max(3, (int) Math.round(size / 7.0));
    }

    static int shade(int k) {
        return 255 - SHADE_STEP * k;
    }

    /**
     * One image to make.
     *
     * @param corner the decoy's corner: bit 0 = right, bit 1 = bottom
     * @param codedK the shade index carrying the label (train and val; equals {@code randomK} in test)
     * @param randomK a shade index independent of the label
     */
    record Item(String split, boolean synthetic, int index, int corner, int codedK, int randomK) {
        String source() {
            return synthetic ? "textured" : "smooth";
        }

        String fileName() {
            return split + "-" + source() + "-" + String.format(Locale.ROOT, "%05d", index) + ".png";
        }

        boolean test() {
            return split.equals("test");
        }

        /** The image's path; train and val images exist with the coded and with a random decoy. */
        String relpath(boolean coded) {
            String variant = test() ? "" : coded ? "decoy/" : "nodecoy/";
            return "/" + split + "/" + variant + (synthetic ? "synthetic" : "real") + "/" + source() + "/" + fileName();
        }

        int k(boolean coded) {
            return coded ? codedK : randomK;
        }
    }

    /** The items of every split, in file order; corners and shades are drawn here from the seed. */
    List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (String split : List.of("train", "val", "test")) {
            int n = split.equals("train") ? trainPerClass : split.equals("val") ? valPerClass : testPerClass;
            Random decoys = Seeds.random(seed, 11, split.hashCode());
            for (boolean synthetic : new boolean[] {false, true}) {
                for (int i = 0; i < n; i++) {
                    int corner = decoys.nextInt(4);
                    int coded = synthetic ? CLASS_SPLIT + decoys.nextInt(10 - CLASS_SPLIT) : decoys.nextInt(CLASS_SPLIT);
                    int random = decoys.nextInt(10);
                    items.add(new Item(split, synthetic, i, corner, split.equals("test") ? random : coded, random));
                }
            }
        }
        return items;
    }

    /** The object: a star-convex blob {@code r(t) = radius * (1 + a2 cos(2t + p2) + a3 cos(3t + p3))}. */
    record Blob(double cx, double cy, double radius, double a2, double p2, double a3, double p3) {
        double radiusAt(double angle) {
            return radius * (1 + a2 * Math.cos(2 * angle + p2) + a3 * Math.cos(3 * angle + p3));
        }

        double maxRadius() {
            return radius * (1 + a2 + a3);
        }

        /** Distance of (x, y) from the centre relative to the boundary along its direction (1 = on it). */
        double relative(double x, double y) {
            double dx = x - cx;
            double dy = y - cy;
            return Math.hypot(dx, dy) / radiusAt(Math.atan2(dy, dx));
        }

        /** Anti-aliased coverage of the pixel centre (x, y), one-pixel soft edge. */
        double coverage(double x, double y) {
            double dx = x - cx;
            double dy = y - cy;
            double r = radiusAt(Math.atan2(dy, dx));
            return Raster.clamp01(r - Math.hypot(dx, dy) + 0.5);
        }
    }

    /** An image with its object and the decoy it carries. */
    record Rendered(Raster image, Blob blob) {}

    /** The decoy square {x0, y0, x1, y1} (exclusive) of a corner. */
    static int[] patch(int size, int corner) {
        int s = patchSide(size);
        int x0 = (corner & 1) != 0 ? size - s : 0;
        int y0 = (corner & 2) != 0 ? size - s : 0;
        return new int[] {x0, y0, x0 + s, y0 + s};
    }

    /** Renders one item with the coded or the random decoy; the two differ only inside the square. */
    Rendered render(Item item, boolean coded) {
        Random rng = Seeds.random(seed, 12, item.split().hashCode(), item.synthetic() ? 1 : 0, item.index());
        int hi = 2 * size;
        Raster big = new Raster(hi, hi);
        background(big, rng);
        Blob blob = placeBlob(rng);
        Blob bigBlob = new Blob(2 * blob.cx(), 2 * blob.cy(), 2 * blob.radius(), blob.a2(), blob.p2(), blob.a3(), blob.p3());
        float[] colour = colour(rng, 0.35, 0.85);
        double light = rng.nextDouble() * 2 * Math.PI;
        double lx = Math.cos(light) * 0.7;
        double ly = Math.sin(light) * 0.7;
        double lz = Math.sqrt(1 - 0.49);
        for (int y = 0; y < hi; y++) {
            for (int x = 0; x < hi; x++) {
                double cov = bigBlob.coverage(x + 0.5, y + 0.5);
                if (cov <= 0) {
                    continue;
                }
                // a dome over the blob: normal from the relative radius and direction
                double d = Math.min(1, bigBlob.relative(x + 0.5, y + 0.5));
                double ang = Math.atan2(y + 0.5 - bigBlob.cy(), x + 0.5 - bigBlob.cx());
                double nx = d * Math.cos(ang);
                double ny = d * Math.sin(ang);
                double nz = Math.sqrt(Math.max(0, 1 - d * d));
                double lit = 0.45 + 0.75 * Math.max(0, nx * lx + ny * ly + nz * lz);
                float[] c = {(float) (colour[0] * lit), (float) (colour[1] * lit), (float) (colour[2] * lit)};
                big.blend(x, y, c, cov);
            }
        }
        Raster r = big.halve();
        if (item.synthetic()) {
            double period = PERIOD_MIN + (PERIOD_MAX - PERIOD_MIN) * rng.nextDouble();
            double amplitude = TEXTURE_MIN + (TEXTURE_MAX - TEXTURE_MIN) * rng.nextDouble();
            double orientation = rng.nextDouble() * Math.PI;
            double phase = rng.nextDouble() * 2 * Math.PI;
            double ox = Math.cos(orientation);
            double oy = Math.sin(orientation);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double cov = blob.coverage(x + 0.5, y + 0.5);
                    if (cov > 0) {
                        double v = cov * amplitude * Math.sin(2 * Math.PI * (x * ox + y * oy) / period + phase);
                        r.add(x, y, v, v, v);
                    }
                }
            }
        }
        for (int i = 0; i < r.rgb.length; i++) {
            r.rgb[i] += (float) (rng.nextGaussian() * NOISE);
        }
        int[] p = patch(size, item.corner());
        float gray = shade(item.k(coded));
        for (int y = p[1]; y < p[3]; y++) {
            for (int x = p[0]; x < p[2]; x++) {
                int i = r.index(x, y);
                r.rgb[i] = gray;
                r.rgb[i + 1] = gray;
                r.rgb[i + 2] = gray;
            }
        }
        return new Rendered(r, blob);
    }

    /** A random colour with channels in [lo, hi] x 255. */
    private static float[] colour(Random rng, double lo, double hi) {
        float[] c = new float[3];
        for (int i = 0; i < 3; i++) {
            c[i] = (float) (255 * (lo + (hi - lo) * rng.nextDouble()));
        }
        return c;
    }

    /** Gradient between two colours, then 8 to 14 flat shapes (ellipses, rectangles, bars). */
    private static void background(Raster big, Random rng) {
        int n = big.width;
        float[] a = colour(rng, 0.1, 0.9);
        float[] b = colour(rng, 0.1, 0.9);
        double angle = rng.nextDouble() * 2 * Math.PI;
        double gx = Math.cos(angle);
        double gy = Math.sin(angle);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double t = Raster.clamp01(0.5 + ((x + 0.5) / n - 0.5) * gx + ((y + 0.5) / n - 0.5) * gy);
                int i = big.index(x, y);
                for (int c = 0; c < 3; c++) {
                    big.rgb[i + c] = (float) (a[c] * (1 - t) + b[c] * t);
                }
            }
        }
        int shapes = 8 + rng.nextInt(7);
        for (int s = 0; s < shapes; s++) {
            float[] c = colour(rng, 0.05, 0.95);
            double alpha = 0.6 + 0.4 * rng.nextDouble();
            double cx = rng.nextDouble() * n;
            double cy = rng.nextDouble() * n;
            double w = n * (0.04 + 0.14 * rng.nextDouble());
            double h = n * (0.04 + 0.14 * rng.nextDouble());
            switch (rng.nextInt(3)) {
                case 0 -> big.fillEllipse(cx, cy, w, h, c, alpha);
                case 1 -> fillRect(big, cx - w, cy - h, cx + w, cy + h, c, alpha);
                default -> {
                    boolean horizontal = rng.nextBoolean();
                    double thick = Math.max(1.5, n * 0.02);
                    fillRect(big, horizontal ? cx - 2 * w : cx - thick, horizontal ? cy - thick : cy - 2 * h,
                            horizontal ? cx + 2 * w : cx + thick, horizontal ? cy + thick : cy + 2 * h, c, alpha);
                }
            }
        }
    }

    private static void fillRect(Raster r, double x0, double y0, double x1, double y1, float[] c, double alpha) {
        for (int y = Math.max(0, (int) Math.floor(y0)); y < Math.min(r.height, (int) Math.ceil(y1)); y++) {
            for (int x = Math.max(0, (int) Math.floor(x0)); x < Math.min(r.width, (int) Math.ceil(x1)); x++) {
                double cover = Raster.clamp01(Math.min(x + 1, x1) - Math.max(x, x0))
                        * Raster.clamp01(Math.min(y + 1, y1) - Math.max(y, y0));
                r.blend(x, y, c, alpha * cover);
            }
        }
    }

    /**
     * A blob of radius 0.14-0.2 x size at a random position that stays inside the image and far
     * enough from every corner square that neither the object nor its annotators' maps (up to 1.15
     * x its size, soft edge, jitter) reach the decoy (the centre of the image always qualifies,
     * the fallback).
     */
    private Blob placeBlob(Random rng) {
        double radius = size * (0.14 + 0.06 * rng.nextDouble());
        double a2 = 0.06 + 0.08 * rng.nextDouble();
        double a3 = 0.03 + 0.06 * rng.nextDouble();
        double p2 = rng.nextDouble() * 2 * Math.PI;
        double p3 = rng.nextDouble() * 2 * Math.PI;
        double reach = radius * (1 + a2 + a3) * 1.15 + 2;
        for (int attempt = 0; attempt < 1000; attempt++) {
            double cx = reach + rng.nextDouble() * (size - 2 * reach);
            double cy = reach + rng.nextDouble() * (size - 2 * reach);
            boolean clear = true;
            for (int corner = 0; corner < 4 && clear; corner++) {
                int[] p = patch(size, corner);
                double nx = Math.max(p[0], Math.min(cx, p[2]));
                double ny = Math.max(p[1], Math.min(cy, p[3]));
                clear = Math.hypot(cx - nx, cy - ny) > reach;
            }
            if (clear) {
                return new Blob(cx, cy, radius, a2, p2, a3, p3);
            }
        }
        return new Blob(size / 2.0, size / 2.0, radius, a2, p2, a3, p3);
    }

    /**
     * One map per annotator: the object's outline filled, with a soft edge (about 1.5 px), the
     * outline shifted by a twentieth of the radius (standard deviation) and scaled by 0.95-1.15
     * (annotators draw generously rather than tightly).
     */
    List<RgbImage> maps(Blob blob, Random rng) {
        List<RgbImage> out = new ArrayList<>();
        for (int a = 0; a < ANNOTATORS; a++) {
            double cx = blob.cx() + rng.nextGaussian() * 0.05 * blob.radius();
            double cy = blob.cy() + rng.nextGaussian() * 0.05 * blob.radius();
            double scale = 0.95 + 0.2 * rng.nextDouble();
            Blob drawn = new Blob(cx, cy, blob.radius() * scale, blob.a2(), blob.p2(), blob.a3(), blob.p3());
            byte[] px = new byte[size * size * 3];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double dx = x + 0.5 - cx;
                    double dy = y + 0.5 - cy;
                    double outside = Math.hypot(dx, dy) - drawn.radiusAt(Math.atan2(dy, dx));
                    double v = 1 / (1 + Math.exp(outside / 0.6));
                    byte g = (byte) Math.round(255 * v);
                    int i = 3 * (y * size + x);
                    px[i] = g;
                    px[i + 1] = g;
                    px[i + 2] = g;
                }
            }
            out.add(new RgbImage(size, size, px));
        }
        return out;
    }

    /**
     * Writes {@code out/split.csv}, {@code out/split-nodecoy.csv}, {@code out/images/...}, {@code
     * out/maps/NAME.<k>.png} and {@code out/decoy.json}.
     */
    public void write(Path out, PrintStream console) throws IOException {
        List<Item> items = items();
        SynthFiles.writeAll(items, "generating decoy task", console, item -> {
            Rendered r = render(item, true);
            ImageFiles.writePng(r.image().toImage(), out.resolve("images" + item.relpath(true)));
            if (!item.test()) {
                ImageFiles.writePng(render(item, false).image().toImage(), out.resolve("images" + item.relpath(false)));
            }
            SynthFiles.writeMaps(out, item.fileName(), maps(r.blob(), Seeds.random(seed, 13, item.fileName().hashCode())));
        });
        AtomicFiles.writeString(out.resolve("split.csv"), csv(items, item -> item.relpath(true)));
        AtomicFiles.writeString(out.resolve(NO_DECOY_SPLIT), csv(items, item -> item.relpath(false)));
        StringBuilder truth = new StringBuilder();
        for (Item item : items) {
            if (item.test()) {
                truth.append("test,").append(item.codedK() < CLASS_SPLIT ? "Real" : "Synthetic").append(',')
                        .append(item.relpath(true)).append('\n');
            }
        }
        AtomicFiles.writeString(out.resolve(DECOY_TRUTH), truth.toString());
        Json.write(out.resolve("decoy.json"), description(items));
    }

    private static String csv(List<Item> items, Function<Item, String> relpath) {
        StringBuilder csv = new StringBuilder();
        for (Item item : items) {
            csv.append(item.split()).append(',').append(item.synthetic() ? "Synthetic" : "Real").append(',')
                    .append(relpath.apply(item)).append('\n');
        }
        return csv.toString();
    }

    /** Identifies the task's content: equal fingerprints, equal files. */
    public String fingerprint() {
        return String.format(Locale.ROOT, "decoy v1 size=%d seed=%d train=%d val=%d test=%d",
                size, seed, trainPerClass, valPerClass, testPerClass);
    }

    private Map<String, Object> description(List<Item> items) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("fingerprint", fingerprint());
        d.put("task", "decoy");
        d.put("seed", seed);
        d.put("size", size);
        d.put("source", "after Decoy-MNIST (Ross, Hughes, Doshi-Velez 2017, dtak/rrr decoy_mnist.py)");
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("Real", "smooth: a shaded blob");
        classes.put("Synthetic", "textured: the same kind of blob with a fine grating (period " + PERIOD_MIN + "-"
                + PERIOD_MAX + " px, " + TEXTURE_MIN + "-" + TEXTURE_MAX + " gray levels)");
        d.put("classes", classes);
        d.put("decoy", String.format(Locale.ROOT,
                "%d px gray square in a random corner, shade 255 - %d k; train/val: k in 0..%d (Real), %d..9 (Synthetic);"
                        + " test and %s train/val: k uniform in 0..9", patchSide(size), SHADE_STEP, CLASS_SPLIT - 1,
                CLASS_SPLIT, NO_DECOY_SPLIT));
        d.put("annotators", ANNOTATORS);
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Item item : items) {
            counts.computeIfAbsent(item.split(), k -> new LinkedHashMap<>()).merge(item.source(), 1, Integer::sum);
        }
        d.put("images", counts);
        return d;
    }

    /** Configures a {@link DecoyTask}; defaults: 32 px, seed 1, 600 / 100 / 250 images per class. */
    public static final class Builder {
        private int size = DEFAULT_SIZE;
        private long seed = 1;
        private int trainPerClass = DEFAULT_TRAIN_PER_CLASS;
        private int valPerClass = DEFAULT_VAL_PER_CLASS;
        private int testPerClass = DEFAULT_TEST_PER_CLASS;

        public Builder size(int s) { size = s; return this; }
        public Builder seed(long s) { seed = s; return this; }
        public Builder trainPerClass(int n) { trainPerClass = n; return this; }
        public Builder valPerClass(int n) { valPerClass = n; return this; }
        public Builder testPerClass(int n) { testPerClass = n; return this; }

        public DecoyTask build() {
            if (size < 32) {
                throw new IllegalArgumentException("--size must be at least 32");
            }
            if (trainPerClass < 2 || valPerClass < 1 || testPerClass < 2) {
                throw new IllegalArgumentException("each split needs images: train >= 2, val >= 1, test >= 2 per class");
            }
            return new DecoyTask(this);
        }
    }
}
