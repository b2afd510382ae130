package cyborg.web.annotate;

import cyborg.data.Label;
import cyborg.image.ImageDecodeException;
import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;
import cyborg.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The average mask of a class, drawn as the papers draw it: a grid of the class's most-annotated
 * images, each with the mean of its masks (the share of masks marking each pixel) as a heat overlay,
 * and the class's mean over all its masked images (each image's mean mask resized to one size, every
 * image weighing the same). Over the images when a data root is given, on black otherwise.
 */
public final class MeanMasks {
    /** Width and height of one image's cell in the grid, in pixels. */
    static final int CELL = 160;
    private static final int CAPTION = 18;
    private static final int GAP = 6;
    /** The class mean is drawn at least this wide. */
    private static final int MEAN_SIZE = 256;
    /** How opaque the heat is where every mask marks the pixel (over an image). */
    private static final double MAX_ALPHA = 0.6;
    /** The heat colours, from few masks to all: the "jet" map the saliency papers use. */
    private static final double[][] JET = {{0, 0, 0.5}, {0, 0, 1}, {0, 1, 1}, {1, 1, 0}, {1, 0, 0}, {0.5, 0, 0}};

    /** One image of a grid: its record, masks averaged. */
    public record Cell(long id, String path, String name, int masks) {
    }

    /**
     * What was drawn for one class.
     *
     * @param grid the images of the grid, most-annotated first (ties by id)
     * @param images the masked images of the class, all in its mean
     * @param meanWidth the size every image's mean mask was resized to for the class mean
     * @param meanPeak the class mean's largest share, which its drawing scales to full heat
     */
    public record ClassMasks(String label, List<Cell> grid, int images, int masks, int meanWidth, int meanHeight,
            double meanPeak, String gridFile, String meanFile, boolean overImages) {
    }

    private MeanMasks() {
    }

    /**
     * Draws {@code label}'s grid of up to {@code n} images and its class mean into {@code dir} (files
     * {@code masks-<label>-grid.png} and {@code masks-<label>-mean.png}); null when no image of the
     * class has a mask. {@code root} is the data root the images' paths are relative to, or null.
     */
    public static ClassMasks write(List<StoredAnnotation> annotations, Label label, int n, Path root, Path dir)
            throws IOException {
        // grouped as stored (PNG bytes); decoded one image at a time, so a study of thousands of
        // large images never holds more than one image's masks decoded
        Map<Long, List<StoredAnnotation>> byImage = new LinkedHashMap<>();
        Map<Long, ImageRecord> images = new HashMap<>();
        for (StoredAnnotation a : annotations) {
            if (a.maskPng() != null && a.image().label() == label) {
                byImage.computeIfAbsent(a.image().id(), k -> new ArrayList<>()).add(a);
                images.put(a.image().id(), a.image());
            }
        }
        if (byImage.isEmpty()) {
            return null;
        }
        List<ImageRecord> order = images.values().stream()
                .sorted(Comparator.comparingInt((ImageRecord i) -> -byImage.get(i.id()).size())
                        .thenComparingLong(ImageRecord::id)).toList();
        int shown = Math.min(n, order.size());
        String key = label.displayName().toLowerCase(java.util.Locale.ROOT);
        Files.createDirectories(dir);
        List<Cell> cells = new ArrayList<>();
        List<BufferedImage> drawn = new ArrayList<>();
        int[] size = commonSize(order);
        double[] sum = new double[size[0] * size[1]];
        double[] face = root == null ? null : new double[3 * size[0] * size[1]];
        for (int k = 0; k < order.size(); k++) {
            ImageRecord i = order.get(k);
            double[] share = mean(byImage.get(i.id()));
            RgbImage picture = root == null ? null : read(root, i);
            if (k < shown) {
                cells.add(new Cell(i.id(), i.path(), i.name(), byImage.get(i.id()).size()));
                drawn.add(heat(share, i.width(), i.height(), picture));
            }
            double[] m = resize(share, i.width(), i.height(), size[0], size[1], 1);
            for (int p = 0; p < sum.length; p++) {
                sum[p] += m[p] / order.size();
            }
            if (face != null) {
                double[] rgb = resize(rgb(picture), i.width(), i.height(), size[0], size[1], 3);
                for (int p = 0; p < face.length; p++) {
                    face[p] += rgb[p] / order.size();
                }
            }
        }
        String gridFile = "masks-" + key + "-grid.png";
        write(dir.resolve(gridFile), grid(drawn, cells));
        String meanFile = "masks-" + key + "-mean.png";
        // averaged over many images the shares are small and would hardly show: drawn scaled to the peak
        double peak = java.util.Arrays.stream(sum).max().orElse(0);
        double[] scaledSum = sum.clone();
        for (int p = 0; peak > 0 && p < scaledSum.length; p++) {
            scaledSum[p] /= peak;
        }
        BufferedImage mean = heat(scaledSum, size[0], size[1], face == null ? null : toRgb(face, size[0], size[1]));
        int scale = Math.max(1, (int) Math.ceil((double) MEAN_SIZE / size[0]));
        write(dir.resolve(meanFile), scaled(mean, size[0] * scale, size[1] * scale));
        int total = byImage.values().stream().mapToInt(List::size).sum();
        return new ClassMasks(label.displayName(), cells, order.size(), total, size[0], size[1], peak, gridFile, meanFile,
                root != null);
    }

    /** The share of an image's masks marking each pixel, row-major, decoding one mask at a time. */
    private static double[] mean(List<StoredAnnotation> annotations) throws IOException {
        double[] out = null;
        for (StoredAnnotation a : annotations) {
            boolean[] bits = decode(a).bits();
            if (out == null) {
                out = new double[bits.length];
            }
            for (int p = 0; p < out.length; p++) {
                out[p] += bits[p] ? 1.0 / annotations.size() : 0;
            }
        }
        return out;
    }

    private static Mask decode(StoredAnnotation a) throws IOException {
        try {
            return Mask.decode(a.maskPng(), a.image().name() + " mask", Long.MAX_VALUE);
        } catch (ImageDecodeException e) {
            throw new IOException("annotation " + a.id() + ": its stored mask cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Checks, before anything is drawn, that every masked image is under {@code root} at the size it
     * was annotated at (from its header): a wrong root stops the report before it writes a file.
     */
    public static void checkImages(List<StoredAnnotation> annotations, Path root) throws IOException {
        Map<Long, ImageRecord> masked = new LinkedHashMap<>();
        annotations.stream().filter(a -> a.maskPng() != null).forEach(a -> masked.put(a.image().id(), a.image()));
        for (ImageRecord i : masked.values()) {
            Path file = file(root, i);
            cyborg.image.ImageSize size;
            try {
                size = ImageFiles.readSize(file);
            } catch (ImageDecodeException e) {
                throw new IOException(e.getMessage(), e);
            }
            requireSize(file, root, i, size.width(), size.height());
        }
    }

    private static Path file(Path root, ImageRecord i) {
        Path file = root.resolve(i.path());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": image " + i.path() + " of the database is not under " + root
                    + "; give the data root annotate was started with (--folder, or --images with --csv)");
        }
        return file;
    }

    private static void requireSize(Path file, Path root, ImageRecord i, int width, int height) {
        if (width != i.width() || height != i.height()) {
            throw new IllegalArgumentException(file + " is " + width + "x" + height + " but was " + i.width() + "x"
                    + i.height() + " when annotated: is " + root + " the data root of this database?");
        }
    }

    /**
     * The image under the data root, checked to be the one annotated (same size: a mask at the wrong
     * size would be drawn stretched over another picture).
     */
    private static RgbImage read(Path root, ImageRecord i) throws IOException {
        Path file = file(root, i);
        RgbImage rgb;
        try {
            rgb = ImageFiles.readRgb(file);
        } catch (ImageDecodeException e) {
            throw new IOException(e.getMessage(), e);
        }
        requireSize(file, root, i, rgb.width(), rgb.height());
        return rgb;
    }

    /**
     * The size the class mean is drawn at: the commonest image size of the class (the larger on a
     * tie), so that with one size in the data nothing is resampled.
     */
    private static int[] commonSize(List<ImageRecord> images) {
        Map<List<Integer>, Integer> count = new HashMap<>();
        images.forEach(i -> count.merge(List.of(i.width(), i.height()), 1, Integer::sum));
        List<Integer> best = count.entrySet().stream().max(Comparator.comparingInt((Map.Entry<List<Integer>, Integer> e)
                -> e.getValue()).thenComparingInt(e -> e.getKey().get(0) * e.getKey().get(1))).orElseThrow().getKey();
        return new int[] {best.get(0), best.get(1)};
    }

    /** Bilinear resampling of row-major values with {@code channels} per pixel (pixel centres aligned). */
    static double[] resize(double[] v, int w, int h, int tw, int th, int channels) {
        if (w == tw && h == th) {
            return v;
        }
        double[] out = new double[tw * th * channels];
        for (int y = 0; y < th; y++) {
            double sy = Math.max(0, Math.min(h - 1, (y + 0.5) * h / th - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, h - 1);
            double fy = sy - y0;
            for (int x = 0; x < tw; x++) {
                double sx = Math.max(0, Math.min(w - 1, (x + 0.5) * w / tw - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, w - 1);
                double fx = sx - x0;
                for (int c = 0; c < channels; c++) {
                    double top = v[(y0 * w + x0) * channels + c] * (1 - fx) + v[(y0 * w + x1) * channels + c] * fx;
                    double bottom = v[(y1 * w + x0) * channels + c] * (1 - fx) + v[(y1 * w + x1) * channels + c] * fx;
                    out[(y * tw + x) * channels + c] = top * (1 - fy) + bottom * fy;
                }
            }
        }
        return out;
    }

    private static double[] rgb(RgbImage image) {
        byte[] p = image.pixels();
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] & 0xFF;
        }
        return out;
    }

    private static RgbImage toRgb(double[] v, int w, int h) {
        byte[] p = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            p[i] = (byte) Math.round(Math.max(0, Math.min(255, v[i])));
        }
        return new RgbImage(w, h, p);
    }

    /**
     * The heat of {@code share} (0..1 per pixel) over the image: jet colours, more opaque where more
     * masks agree, nothing where none marks; with no image, the heat on black, fully opaque.
     */
    static BufferedImage heat(double[] share, int w, int h, RgbImage under) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = share[y * w + x];
                double[] c = jet(s);
                double alpha = under == null ? (s > 0 ? 1 : 0) : MAX_ALPHA * s;
                int base = under == null ? 0 : under.rgb(x, y);
                int r = blend((base >> 16) & 0xFF, c[0], alpha);
                int g = blend((base >> 8) & 0xFF, c[1], alpha);
                int b = blend(base & 0xFF, c[2], alpha);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static int blend(int base, double colour, double alpha) {
        return (int) Math.round(base * (1 - alpha) + colour * 255 * alpha);
    }

    /** The jet colour of {@code s} in 0..1, each channel 0..1. */
    static double[] jet(double s) {
        double t = Math.max(0, Math.min(1, s)) * (JET.length - 1);
        int i = Math.min((int) t, JET.length - 2);
        double f = t - i;
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            out[c] = JET[i][c] * (1 - f) + JET[i + 1][c] * f;
        }
        return out;
    }

    /** The cells side by side, wider than tall (as a paper's figure), each captioned with its name and masks. */
    private static BufferedImage grid(List<BufferedImage> drawn, List<Cell> cells) {
        int n = drawn.size();
        int cols = Math.min(n, (int) Math.ceil(Math.sqrt(2.0 * n)));
        int rows = (n + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * (CELL + GAP) + GAP, rows * (CELL + CAPTION + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int k = 0; k < n; k++) {
                int x = GAP + (k % cols) * (CELL + GAP);
                int y = GAP + (k / cols) * (CELL + CAPTION + GAP);
                BufferedImage img = drawn.get(k);
                double scale = Math.min((double) CELL / img.getWidth(), (double) CELL / img.getHeight());
                int dw = (int) Math.round(img.getWidth() * scale);
                int dh = (int) Math.round(img.getHeight() * scale);
                g.drawImage(scaled(img, dw, dh), x + (CELL - dw) / 2, y + (CELL - dh) / 2, null);
                g.setColor(new Color(0x222222));
                String caption = cells.get(k).name() + " · " + cells.get(k).masks() + " mask"
                        + (cells.get(k).masks() == 1 ? "" : "s");
                g.drawString(fit(g, caption), x, y + CELL + CAPTION - 5);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String fit(Graphics2D g, String s) {
        String out = s;
        while (out.length() > 4 && g.getFontMetrics().stringWidth(out) > CELL) {
            out = out.substring(0, out.length() - 2);
        }
        return out.equals(s) ? s : out + "…";
    }

    /** Scaled: nearest neighbour when enlarging (small faces stay crisp pixels), bilinear when shrinking. */
    private static BufferedImage scaled(BufferedImage img, int w, int h) {
        if (w == img.getWidth() && h == img.getHeight()) {
            return img;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, w >= img.getWidth()
                    ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void write(Path file, BufferedImage image) throws IOException {
        ImageIO.setUseCache(false); // in memory: no temp-file cache and its shutdown hook (see LineFigure)
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }
}
