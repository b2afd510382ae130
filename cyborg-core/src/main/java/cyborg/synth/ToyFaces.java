package cyborg.synth;

import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;
import cyborg.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A small deterministic data set for smoke tests and the quick start: face-like drawings
 * (skin-toned ellipse, eyes, mouth on a smooth background) where synthetic images carry a
 * checkerboard "upsampling" tell inside the eyes, and human maps mark the eyes. Written in the
 * reference layout: {@code split.csv}, {@code images/...}, {@code maps/...}.
 */
public final class ToyFaces {
    private final int size;
    private final long seed;

    /** Images of {@code size} pixels, drawn from {@code seed}. */
    public ToyFaces(int size, long seed) {
        if (size < 32) {
            throw new IllegalArgumentException("--size must be at least 32");
        }
        this.size = size;
        this.seed = seed;
    }

    /**
     * Writes {@code perClass} real and synthetic images for each of train, val and test; maps for
     * the training images.
     */
    public void write(Path out, int perClass) throws IOException {
        StringBuilder csv = new StringBuilder();
        String[] splits = {"train", "val", "test"};
        for (int s = 0; s < splits.length; s++) {
            for (int synthetic = 0; synthetic <= 1; synthetic++) {
                String cls = synthetic == 1 ? "synthetic" : "real";
                String source = synthetic == 1 ? "toygan" : "toycam";
                for (int i = 0; i < perClass; i++) {
                    String name = String.format("%s_%s_%04d.png", splits[s], cls, i);
                    String rel = "/" + splits[s] + "/" + cls + "/" + source + "/" + name;
                    Random rng = cyborg.util.Seeds.random(seed, s, synthetic, i);
                    Face face = Face.random(rng, size);
                    ImageFiles.writePng(face.draw(synthetic == 1, rng), out.resolve("images" + rel));
                    if (s == 0) {
                        ImageFiles.writePng(face.eyeMap(), out.resolve("maps").resolve(name));
                    }
                    csv.append(splits[s]).append(',').append(synthetic == 1 ? "Synthetic" : "Real").append(',')
                            .append(rel).append('\n');
                }
            }
        }
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve("split.csv"), csv.toString());
    }

    /** The random geometry and colours of one face. */
    private record Face(int size, double cx, double cy, double rx, double ry, int[] skin, int[] bgA, int[] bgB,
            double eyeDx, double eyeY, double eyeR) {

        static Face random(Random r, int size) {
            double rx = size * (0.26 + 0.06 * r.nextDouble());
            double ry = rx * (1.2 + 0.15 * r.nextDouble());
            int tone = 120 + r.nextInt(110);
            int[] skin = {Math.min(255, tone + 40), tone, Math.max(0, tone - 35)};
            return new Face(size, size / 2.0 + r.nextGaussian() * size * 0.03, size / 2.0 + r.nextGaussian() * size * 0.03,
                    rx, ry, skin, color(r), color(r), rx * 0.42, -ry * 0.2, rx * 0.17);
        }

        private static int[] color(Random r) {
            return new int[] {r.nextInt(256), r.nextInt(256), r.nextInt(256)};
        }

        RgbImage draw(boolean synthetic, Random r) {
            byte[] px = new byte[size * size * 3];
            double amp = 18 + 20 * r.nextDouble();
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double t = (double) (x + y) / (2.0 * size);
                    double[] c = new double[3];
                    for (int k = 0; k < 3; k++) {
                        c[k] = bgA[k] * (1 - t) + bgB[k] * t;
                    }
                    double fx = (x - cx) / rx;
                    double fy = (y - cy) / ry;
                    if (fx * fx + fy * fy <= 1) {
                        double shade = 1 - 0.25 * (fx * 0.5 + fy * 0.5 + 0.5) * 0.5;
                        for (int k = 0; k < 3; k++) {
                            c[k] = skin[k] * shade;
                        }
                        double mouth = Math.abs(fy - 0.5) < 0.06 && Math.abs(fx) < 0.35 ? 1 : 0;
                        if (mouth > 0) {
                            c[0] = 150;
                            c[1] = 40;
                            c[2] = 50;
                        }
                    }
                    double eye = eyeDistance(x, y);
                    if (eye <= eyeR) {
                        double iris = eye <= eyeR * 0.55 ? 0.2 : 0.9;
                        for (int k = 0; k < 3; k++) {
                            c[k] = 255 * iris;
                        }
                        if (synthetic) {
                            double checker = ((x + y) & 1) == 0 ? amp : -amp;
                            for (int k = 0; k < 3; k++) {
                                c[k] += checker;
                            }
                        }
                    }
                    for (int k = 0; k < 3; k++) {
                        double v = c[k] + r.nextGaussian() * 4;
                        px[(y * size + x) * 3 + k] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                    }
                }
            }
            return new RgbImage(size, size, px);
        }

        private double eyeDistance(int x, int y) {
            double ey = cy + eyeY;
            double left = Math.hypot(x - (cx - eyeDx), y - ey);
            double right = Math.hypot(x - (cx + eyeDx), y - ey);
            return Math.min(left, right);
        }

        /** Where an annotator would point: soft blobs on both eyes. */
        RgbImage eyeMap() {
            byte[] px = new byte[size * size * 3];
            double sigma = eyeR * 1.2;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double d = eyeDistance(x, y);
                    int v = (int) Math.round(255 * Math.exp(-d * d / (2 * sigma * sigma)));
                    for (int k = 0; k < 3; k++) {
                        px[(y * size + x) * 3 + k] = (byte) v;
                    }
                }
            }
            return new RgbImage(size, size, px);
        }
    }
}
