package cyborg.plot;

/** Which part of a line of text is placed at the given x coordinate (as SVG's text-anchor). */
public enum TextAnchor {
    /** The text starts at x. */
    START,
    /** The text is centred on x. */
    MIDDLE,
    /** The text ends at x. */
    END;

    /** How far left of x the text starts, for text of the given width. */
    double offset(double textWidth) {
        return switch (this) {
            case START -> 0;
            case MIDDLE -> textWidth / 2;
            case END -> textWidth;
        };
    }
}
