package cyborg.explain;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Golden data made by tools/golden/make_measure_golden.py with scikit-image: TSV tables of
 * expected values and the 8-bit gray PNG maps they were computed from (read here with plain
 * ImageIO raster access, independent of {@link MapFile}).
 */
final class MeasureGolden {
    private MeasureGolden() {
    }

    static Path dir() {
        URL url = MeasureGolden.class.getResource("/cyborg/explain/golden/ssim.tsv");
        if (url == null) {
            throw new IllegalStateException("cyborg/explain/golden missing from test resources");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The non-comment rows of a golden table, split on tabs. */
    static List<String[]> rows(String table) {
        try {
            List<String[]> out = new ArrayList<>();
            for (String line : Files.readAllLines(dir().resolve(table), StandardCharsets.UTF_8)) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    out.add(line.split("\t"));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An 8-bit gray PNG from the golden directory. */
    static GrayMap grayPng(String relative) {
        try {
            BufferedImage img = ImageIO.read(dir().resolve(relative).toFile());
            if (img.getType() != BufferedImage.TYPE_BYTE_GRAY) {
                throw new IllegalStateException(relative + " is not an 8-bit gray PNG");
            }
            Raster r = img.getRaster();
            int[] values = r.getSamples(0, 0, img.getWidth(), img.getHeight(), 0, (int[]) null);
            return new GrayMap(img.getWidth(), img.getHeight(), values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A binary (P5) PGM with maxval 255, as the script writes PIL's convert('L') output. */
    static GrayMap pgm(String relative) {
        try {
            byte[] data = Files.readAllBytes(dir().resolve(relative));
            String[] header = new String(data, 0, Math.min(data.length, 32), StandardCharsets.US_ASCII)
                    .split("\\s+", 5);
            if (!header[0].equals("P5") || !header[3].equals("255")) {
                throw new IllegalStateException(relative + ": not a P5 PGM with maxval 255");
            }
            int w = Integer.parseInt(header[1]);
            int h = Integer.parseInt(header[2]);
            int offset = data.length - w * h;
            int[] values = new int[w * h];
            for (int i = 0; i < values.length; i++) {
                values[i] = data[offset + i] & 0xFF;
            }
            return new GrayMap(w, h, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(int[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static double[] scaled(int[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / factor;
        }
        return out;
    }
}
