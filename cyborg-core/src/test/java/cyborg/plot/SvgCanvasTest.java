package cyborg.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgCanvasTest {

    private static final TextStyle STYLE = TextStyle.plain(12, Color.BLACK);

    @Test
    void escapesMarkupCharactersInText() {
        String label = "a<b & c>d \"q\" 'x'";
        SvgCanvas canvas = new SvgCanvas(100, 50);
        canvas.text(label, 10, 20, TextAnchor.START, STYLE);
        String svg = canvas.toSvg();
        assertTrue(svg.contains("a&lt;b &amp; c&gt;d"), svg);
        assertEquals(List.of(label), SvgDocuments.texts(SvgDocuments.parse(svg)));
    }

    @Test
    void replacesCharactersXmlCannotCarry() {
        SvgCanvas canvas = new SvgCanvas(100, 50);
        canvas.text("bell\u0007", 10, 20, TextAnchor.START, STYLE);
        assertEquals(List.of("bell\uFFFD"),
                SvgDocuments.texts(SvgDocuments.parse(canvas.toSvg())));
    }

    @Test
    void writesNumbersWithDotsWhateverTheLocale() {
        Locale original = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            SvgCanvas canvas = new SvgCanvas(100, 50);
            canvas.line(1.5, 2.004, 3.456, -0.001, Pen.solid(new Color(0x1f77b4), 0.5));
            Element line = SvgDocuments.elements(SvgDocuments.parse(canvas.toSvg()), "line")
                    .get(0);
            assertEquals("1.5", line.getAttribute("x1"));
            assertEquals("2", line.getAttribute("y1"));
            assertEquals("3.46", line.getAttribute("x2"));
            assertEquals("0", line.getAttribute("y2"));
            assertEquals("#1f77b4", line.getAttribute("stroke"));
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void dashedPenAndTranslucentFillBecomeAttributes() {
        SvgCanvas canvas = new SvgCanvas(100, 50);
        canvas.polyline(new double[] {0, 10}, new double[] {0, 10}, new Pen(Color.RED, 1, true));
        canvas.fillRect(0, 0, 5, 5, new Color(255, 255, 255, 51));
        Document svg = SvgDocuments.parse(canvas.toSvg());
        // Pen width 1: dash 3*1 + 3, gap 2*1 + 2.
        assertEquals("6,4", SvgDocuments.elements(svg, "polyline").get(0)
                .getAttribute("stroke-dasharray"));
        assertEquals("0.2", SvgDocuments.elements(svg, "rect").get(0).getAttribute("fill-opacity"));
    }

    @Test
    void verticalTextIsRotatedAboutItsAnchor() {
        SvgCanvas canvas = new SvgCanvas(100, 50);
        canvas.text("loss", 10, 25, TextAnchor.MIDDLE, STYLE.rotated());
        Element text = SvgDocuments.elements(SvgDocuments.parse(canvas.toSvg()), "text").get(0);
        assertEquals("rotate(-90 10 25)", text.getAttribute("transform"));
        assertEquals("middle", text.getAttribute("text-anchor"));
    }
}
