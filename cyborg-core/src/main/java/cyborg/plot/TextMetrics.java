package cyborg.plot;

import java.awt.Font;
import java.awt.font.FontRenderContext;

/**
 * Font choice and text measurement shared by both canvases, so that a chart lays out the same
 * in PNG and SVG.
 */
final class TextMetrics {

    // Antialiased, fractional metrics: the same context PngCanvas renders with.
    static final FontRenderContext RENDER_CONTEXT = new FontRenderContext(null, true, true);

    private TextMetrics() {
    }

    static Font font(TextStyle style) {
        return new Font(Font.SANS_SERIF, style.bold() ? Font.BOLD : Font.PLAIN, 1)
                .deriveFont((float) style.size());
    }

    /** Advance width of the text in pixels. */
    static double width(String text, TextStyle style) {
        return font(style).getStringBounds(text, RENDER_CONTEXT).getWidth();
    }
}
