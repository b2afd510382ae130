package cyborg.plot;

/** The interval of data values an axis shows. */
record Range(double min, double max) {

    /** Fraction of the data span added on each side of an automatic range. */
    static final double MARGIN = 0.05;

    Range {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            throw new IllegalArgumentException("axis range needs finite min < max, got ["
                    + min + ", " + max + "]");
        }
    }

    double span() {
        return max - min;
    }

    /**
     * A range covering the finite values with a small margin, so that lines do not run along
     * the frame. Without finite values it is [0, 1]; a single value gets a unit-ish width.
     */
    static Range covering(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new Range(0, 1);
        }
        double pad = hi > lo ? (hi - lo) * MARGIN : Math.max(Math.abs(lo) * 0.1, 0.5);
        return new Range(lo - pad, hi + pad);
    }
}
