package cyborg.chart;

import java.awt.Color;
import java.util.List;

/** The series colours: matplotlib's "tab10", distinguishable and familiar from papers. */
final class Tab10 {

    private static final List<Color> COLORS = List.of(
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf));

    private Tab10() {
    }

    /** Colour of the i-th series; the palette repeats after ten. */
    static Color color(int index) {
        return COLORS.get(index % COLORS.size());
    }
}
