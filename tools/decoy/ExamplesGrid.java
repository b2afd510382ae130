import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Draws docs/decoy-examples.png from a generated decoy task: per row, six images of one
 * split and class, then the two annotators' maps of the first. Documentation only (plain JDK):
 *
 *   ./cyborg synth --task decoy --out /tmp/decoy --seed 1
 *   java tools/decoy/ExamplesGrid.java /tmp/decoy docs/decoy-examples.png
 */
public class ExamplesGrid {
    static final int TILE = 96;
    static final int LABEL = 215;
    static final int PER_ROW = 6;

    public static void main(String[] args) throws Exception {
        Path task = Path.of(args[0]);
        String[][] rows = {
            {"train/decoy/real/smooth", "train, Real (smooth)"},
            {"train/decoy/synthetic/textured", "train, Synthetic (textured)"},
            {"test/real/smooth", "test, Real (decoy random)"},
            {"test/synthetic/textured", "test, Synthetic (decoy random)"},
        };
        int width = LABEL + (PER_ROW + 2) * (TILE + 4) + 10;
        BufferedImage out = new BufferedImage(width, rows.length * (TILE + 4) + 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setColor(Color.BLACK);
        g.drawString("images (" + PER_ROW + " per row)", LABEL, 18);
        g.drawString("maps of the first", LABEL + PER_ROW * (TILE + 4), 18);
        for (int r = 0; r < rows.length; r++) {
            int y = 26 + r * (TILE + 4);
            g.setColor(Color.BLACK);
            g.drawString(rows[r][1], 6, y + TILE / 2);
            List<Path> files;
            try (Stream<Path> s = Files.list(task.resolve("images").resolve(rows[r][0]))) {
                files = s.sorted().limit(PER_ROW).toList();
            }
            for (int i = 0; i < files.size(); i++) {
                g.drawImage(ImageIO.read(files.get(i).toFile()), LABEL + i * (TILE + 4), y, TILE, TILE, null);
            }
            String stem = files.get(0).getFileName().toString().replace(".png", "");
            for (int k = 1; k <= 2; k++) {
                File map = task.resolve("maps").resolve(stem + "." + k + ".png").toFile();
                g.drawImage(ImageIO.read(map), LABEL + (PER_ROW + k - 1) * (TILE + 4) + 6, y, TILE, TILE, null);
            }
        }
        g.dispose();
        ImageIO.write(out, "png", new File(args[1]));
    }
}
