package cyborg.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegendTest {

    // 400 x 300 pixels starting at the canvas origin; data ranges do not matter here.
    private static final PlotArea AREA = new PlotArea(0, 0, 400, 300, new Range(0, 1),
            new Range(0, 1));

    private static final Legend LEGEND = new Legend(
            List.of(new Legend.Entry("run-1", Pen.solid(Color.BLUE, 2))),
            TextStyle.plain(10, Color.BLACK));

    @Test
    void goesUpperRightWhenNothingIsInTheWay() {
        Rectangle2D box = placedBox(List.of());
        assertTrue(box.getX() > 200 && box.getY() < 150, box::toString);
    }

    @Test
    void goesToTheCornerCrossedByFewestLines() {
        // A ROC-like curve: up the left edge, then across the top at the height of the boxes.
        List<Line2D> curve = List.of(new Line2D.Double(0, 300, 5, 20),
                new Line2D.Double(5, 20, 400, 20));
        Rectangle2D box = placedBox(curve);
        assertTrue(box.getX() > 200 && box.getY() > 150, box::toString);
    }

    private static Rectangle2D placedBox(List<Line2D> segments) {
        RecordingCanvas canvas = new RecordingCanvas();
        LEGEND.drawInBestCorner(canvas, AREA, segments);
        assertEquals(1, canvas.fills.size(), "one legend background");
        return canvas.fills.get(0);
    }

    /** Keeps the filled rectangles, which for a legend is just its background box. */
    private static final class RecordingCanvas implements Canvas {
        final List<Rectangle2D> fills = new ArrayList<>();

        @Override
        public int width() {
            return 400;
        }

        @Override
        public int height() {
            return 300;
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Pen pen) {
        }

        @Override
        public void polyline(double[] xs, double[] ys, Pen pen) {
        }

        @Override
        public void rect(double x, double y, double width, double height, Pen pen) {
        }

        @Override
        public void fillRect(double x, double y, double width, double height, Color fill) {
            fills.add(new Rectangle2D.Double(x, y, width, height));
        }

        @Override
        public void text(String text, double x, double y, TextAnchor anchor, TextStyle style) {
        }

        @Override
        public void clipped(double x, double y, double width, double height, Runnable drawing) {
            drawing.run();
        }
    }
}
