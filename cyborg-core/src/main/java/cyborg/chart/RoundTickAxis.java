package cyborg.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A number axis ticked at round steps (1, 2, 2.5 or 5 times a power of ten) about every
 * 90 pixels, every label with the step's decimals ("0.0 ... 1.0", not
 * "0 ... 1") in every locale. JFreeChart's own choice packs ticks as densely as labels fit,
 * which crowds a small figure.
 */
final class RoundTickAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;
    private static final double PIXELS_PER_TICK = 90;
    private static final double[] MANTISSAS = {1, 2, 2.5, 5};

    /** @param wholeNumbers ticks at integers only (epochs) */
    RoundTickAxis(String label, boolean wholeNumbers) {
        super(label);
        setStandardTickUnits(units(wholeNumbers));
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        double pixels = RectangleEdge.isTopOrBottom(edge) ? dataArea.getWidth() : dataArea.getHeight();
        long intervals = Math.max(3, Math.min(10, Math.round(pixels / PIXELS_PER_TICK)));
        // The smallest round step giving at most intervals + 1 of them: rounding up the step
        // can only thin the ticks, so aim one above.
        double step = getRange().getLength() / (intervals + 1);
        setTickUnit((NumberTickUnit) getStandardTickUnits().getCeilingTickUnit(step), false, false);
    }

    private static TickUnits units(boolean wholeNumbers) {
        TickUnits units = new TickUnits();
        for (int exponent = -9; exponent <= 12; exponent++) {
            for (double mantissa : MANTISSAS) {
                BigDecimal step = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent).stripTrailingZeros();
                int decimals = Math.max(0, step.scale());
                if (!wholeNumbers || decimals == 0) {
                    units.add(new NumberTickUnit(step.doubleValue(), format(decimals)));
                }
            }
        }
        return units;
    }

    private static DecimalFormat format(int decimals) {
        DecimalFormat format = new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format;
    }
}
