package cyborg.plot;

/** The rectangle of the canvas where data is drawn, and the mapping from data to pixels. */
record PlotArea(double left, double top, double width, double height, Range x, Range y) {

    double right() {
        return left + width;
    }

    double bottom() {
        return top + height;
    }

    double px(double dataX) {
        return left + (dataX - x.min()) / x.span() * width;
    }

    /** Pixel row of a data y; larger values are higher up. */
    double py(double dataY) {
        return bottom() - (dataY - y.min()) / y.span() * height;
    }
}
