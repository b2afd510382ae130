package cyborg.chart;

import java.awt.geom.Rectangle2D;
import org.jfree.chart.LegendItem;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * Lines without markers, except at a point whose neighbours are both missing (NaN): a line
 * through it would have no length, so without a marker a one-epoch run or a lone loss term
 * would not show at all.
 */
final class IsolatedPointRenderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;

    IsolatedPointRenderer() {
        super(true, false);
        // One path per series rather than one segment per pair of points: smoother joins, and
        // an SVG with one element per line.
        setDrawSeriesLineAsPath(true);
        // Same marker for every series; the colour tells them apart.
        setAutoPopulateSeriesShape(false);
        setDefaultShape(new Rectangle2D.Double(-3, -3, 6, 6));
    }

    @Override
    public boolean getItemShapeVisible(int series, int item) {
        XYDataset data = getPlot().getDataset();
        return !missing(data, series, item) && missing(data, series, item - 1)
                && missing(data, series, item + 1);
    }

    /** The legend shows the line alone, whatever the first point looks like. */
    @Override
    public LegendItem getLegendItem(int datasetIndex, int series) {
        LegendItem item = super.getLegendItem(datasetIndex, series);
        if (item != null) {
            item.setShapeVisible(false);
        }
        return item;
    }

    private static boolean missing(XYDataset data, int series, int item) {
        return item < 0 || item >= data.getItemCount(series)
                || !Double.isFinite(data.getYValue(series, item))
                || !Double.isFinite(data.getXValue(series, item));
    }
}
