package cyborg.demo;

import cyborg.image.ImageFiles;
import cyborg.image.JetColormap;
import cyborg.image.MapImages;
import cyborg.image.Resampler;
import cyborg.image.RgbImage;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Labelled image grids for the report: average maps side by side, and CAM overlays per loss. */
final class Figures {
    private static final int TILE = 128;
    private static final int LABEL = 22;

    private Figures() {}

    /** A row of jet-coloured maps (h x w each), one per title: e.g. the average human map and each loss's average CAM. */
    static void mapRow(Path png, List<String> titles, List<float[]> maps, int h, int w) throws IOException {
        BufferedImage img = canvas(titles.size(), 1, false);
        Graphics2D g = graphics(img);
        for (int i = 0; i < titles.size(); i++) {
            // each rescaled to its own range, so that averages of different spread compare by shape
            draw(g, heat(cyborg.image.FloatMaps.minMaxNormalized(maps.get(i)), h, w), i, 0, false);
            label(g, titles.get(i), i, 0);
        }
        g.dispose();
        write(img, png);
    }

    /**
     * A grid with one column per example image and rows: the image, its human map, then each
     * loss's CAM overlay.
     */
    static void overlayGrid(Path png, List<String> rowTitles, List<List<RgbImage>> rows) throws IOException {
        int cols = rows.get(0).size();
        BufferedImage img = canvas(cols, rows.size(), true);
        Graphics2D g = graphics(img);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols; c++) {
                draw(g, rows.get(r).get(c), c, r, true);
            }
            g.setColor(Color.BLACK);
            g.drawString(rowTitles.get(r), 6, r * TILE + TILE / 2);
        }
        g.dispose();
        write(img, png);
    }

    /** The overlay of a CAM on an image, at the image's size. */
    static RgbImage overlay(RgbImage image, float[] cam, int h, int w) {
        return MapImages.overlay(image, cam, w, h);
    }

    /** A map upsampled to the tile and coloured with jet. */
    static RgbImage heat(float[] map, int h, int w) {
        float[] up = Resampler.resize(map, w, h, TILE, TILE);
        byte[] px = new byte[TILE * TILE * 3];
        for (int i = 0; i < up.length; i++) {
            int rgb = JetColormap.rgb(Math.max(0, Math.min(255, Math.round(up[i] * 255))));
            px[3 * i] = (byte) (rgb >> 16);
            px[3 * i + 1] = (byte) (rgb >> 8);
            px[3 * i + 2] = (byte) rgb;
        }
        return new RgbImage(TILE, TILE, px);
    }

    private static BufferedImage canvas(int cols, int rows, boolean rowLabels) {
        int left = rowLabels ? 70 : 0;
        BufferedImage img = new BufferedImage(left + cols * TILE, rows * TILE + (rowLabels ? 0 : LABEL),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }

    private static void draw(Graphics2D g, RgbImage tile, int col, int row, boolean rowLabels) {
        BufferedImage b = new BufferedImage(tile.width(), tile.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < tile.height(); y++) {
            for (int x = 0; x < tile.width(); x++) {
                b.setRGB(x, y, tile.rgb(x, y));
            }
        }
        int left = rowLabels ? 70 : 0;
        g.drawImage(b, left + col * TILE, row * TILE + (rowLabels ? 0 : LABEL), TILE, TILE, null);
    }

    private static void label(Graphics2D g, String text, int col, int row) {
        g.setColor(Color.BLACK);
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, col * TILE + (TILE - width) / 2, row * TILE + 15);
    }

    private static void write(BufferedImage img, Path png) throws IOException {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int i = (y * w + x) * 3;
                px[i] = (byte) (rgb >> 16);
                px[i + 1] = (byte) (rgb >> 8);
                px[i + 2] = (byte) rgb;
            }
        }
        ImageFiles.writePng(new RgbImage(w, h, px), png);
    }
}
