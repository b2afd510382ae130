package cyborg.plot;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The box naming each series next to a sample of its line, placed in whichever corner of the
 * plot area it hides the least data.
 */
final class Legend {

    /** One legend row. */
    record Entry(String label, Pen pen) {
    }

    private static final Color BACKGROUND = new Color(255, 255, 255, 220);
    private static final Color BORDER = new Color(0xbbbbbb);

    private final List<Entry> entries;
    private final TextStyle style;
    private final double padding;
    private final double rowHeight;
    private final double swatchLength;

    Legend(List<Entry> entries, TextStyle style) {
        this.entries = List.copyOf(entries);
        this.style = style;
        this.padding = style.size() * 0.6;
        this.rowHeight = style.size() * 1.5;
        this.swatchLength = style.size() * 2.2;
    }

    double width() {
        double widest = 0;
        for (Entry entry : entries) {
            widest = Math.max(widest, TextMetrics.width(entry.label(), style));
        }
        return 2 * padding + swatchLength + style.size() * 0.5 + widest;
    }

    double height() {
        return 2 * padding + entries.size() * rowHeight;
    }

    /**
     * Draws the legend in the corner of {@code area} crossed by the fewest of the given pixel
     * segments; ties prefer upper right, upper left, lower right, lower left (matplotlib's
     * order).
     */
    void drawInBestCorner(Canvas canvas, PlotArea area, List<Line2D> drawnSegments) {
        if (entries.isEmpty()) {
            return;
        }
        Rectangle2D best = null;
        long fewestCrossings = Long.MAX_VALUE;
        for (Rectangle2D corner : corners(area)) {
            long crossings = drawnSegments.stream().filter(corner::intersectsLine).count();
            if (crossings < fewestCrossings) {
                best = corner;
                fewestCrossings = crossings;
            }
        }
        draw(canvas, best.getX(), best.getY());
    }

    private List<Rectangle2D> corners(PlotArea area) {
        double inset = style.size() * 0.6;
        double w = width();
        double h = height();
        double leftX = area.left() + inset;
        double rightX = area.right() - inset - w;
        double topY = area.top() + inset;
        double bottomY = area.bottom() - inset - h;
        return List.of(new Rectangle2D.Double(rightX, topY, w, h),
                new Rectangle2D.Double(leftX, topY, w, h),
                new Rectangle2D.Double(rightX, bottomY, w, h),
                new Rectangle2D.Double(leftX, bottomY, w, h));
    }

    private void draw(Canvas canvas, double x, double y) {
        canvas.fillRect(x, y, width(), height(), BACKGROUND);
        canvas.rect(x, y, width(), height(), Pen.solid(BORDER, 1));
        for (int i = 0; i < entries.size(); i++) {
            double middle = y + padding + (i + 0.5) * rowHeight;
            double swatchStart = x + padding;
            canvas.line(swatchStart, middle, swatchStart + swatchLength, middle,
                    entries.get(i).pen());
            // 0.35 em below the middle puts the baseline so the letters look vertically centred.
            canvas.text(entries.get(i).label(), swatchStart + swatchLength + style.size() * 0.5,
                    middle + style.size() * 0.35, TextAnchor.START, style);
        }
    }
}
