package cyborg.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Golden data made by tools/golden/make_image_golden.py from PIL: the manifest rows, stored PNG
 * outputs (read here with plain ImageIO raster access, independent of the code under test) and
 * float arrays ('CYGF' header, then float32 little endian).
 */
final class Golden {
    /** One manifest row. */
    record Case(String kind, String name, String source, String mode, int width, int height,
                String sha256, String file) {
        boolean stored() {
            return !file.equals("-");
        }
    }

    /** A float array with its shape. */
    record Floats(int width, int height, int channels, float[] values) {
    }

    private Golden() {
    }

    static Path dir() {
        URL url = Golden.class.getResource("/cyborg/image/golden/manifest.tsv");
        if (url == null) {
            throw new IllegalStateException("golden manifest missing from test resources");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> cases(String kind) {
        try {
            List<Case> out = new ArrayList<>();
            for (String line : Files.readAllLines(dir().resolve("manifest.tsv"))) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f[0].equals(kind)) {
                    out.add(new Case(f[0], f[1], f[2], f[3], Integer.parseInt(f[4]), Integer.parseInt(f[5]), f[6], f[7]));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Case find(String kind, String name) {
        return cases(kind).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no golden " + kind + " " + name));
    }

    /** Resolves a manifest source: "golden:..." is a test resource, else a path under shared/. */
    static Path source(String source) {
        if (source.startsWith("golden:")) {
            return dir().resolve(source.substring("golden:".length()));
        }
        return SharedData.require(source);
    }

    /** Raw 8-bit samples of a stored PNG, interleaved, {@code bands} per pixel. */
    static byte[] pngSamples(Path png, int bands) throws IOException {
        BufferedImage bi = ImageIO.read(png.toFile());
        Raster r = bi.getRaster();
        if (r.getNumBands() != bands) {
            throw new IllegalStateException(png + " has " + r.getNumBands() + " bands, expected " + bands);
        }
        int[] s = r.getPixels(0, 0, bi.getWidth(), bi.getHeight(), (int[]) null);
        byte[] out = new byte[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = (byte) s[i];
        }
        return out;
    }

    static Floats floats(Path bin) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(bin)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        b.get(magic);
        if (!new String(magic, java.nio.charset.StandardCharsets.US_ASCII).equals("CYGF")) {
            throw new IllegalStateException(bin + " is not a CYGF float file");
        }
        int w = b.getInt();
        int h = b.getInt();
        int c = b.getInt();
        float[] v = new float[w * h * c];
        b.asFloatBuffer().get(v);
        return new Floats(w, h, c, v);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return sha256(b.array());
    }

    static int maxAbsDiff(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new AssertionError("length " + a.length + " != " + b.length);
        }
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)));
        }
        return max;
    }

    static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("length " + a.length + " != " + b.length);
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }
}
