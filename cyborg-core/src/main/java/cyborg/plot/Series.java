package cyborg.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One named line of a {@link LineChart}. Points whose x or y is NaN or infinite are gaps: the
 * line breaks there instead of jumping over them.
 */
public final class Series {

    /** A maximal stretch of consecutive drawable points. */
    record FiniteRun(double[] xs, double[] ys) {
        int size() {
            return xs.length;
        }
    }

    private final String name;
    private final double[] xs;
    private final double[] ys;
    private final boolean dashed;

    /**
     * @param name legend label
     * @param xs x coordinates
     * @param ys y coordinates, as many as {@code xs}
     * @param dashed whether to draw the line dashed
     */
    public Series(String name, double[] xs, double[] ys, boolean dashed) {
        this.name = Objects.requireNonNull(name, "name");
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + xs.length
                    + " x values but " + ys.length + " y values");
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.dashed = dashed;
    }

    /** Legend label. */
    public String name() {
        return name;
    }

    /** A copy of the x coordinates. */
    public double[] xs() {
        return xs.clone();
    }

    /** A copy of the y coordinates. */
    public double[] ys() {
        return ys.clone();
    }

    /** Whether the line is dashed. */
    public boolean dashed() {
        return dashed;
    }

    /** The drawable stretches between gaps, in order; a lone point is a run of one. */
    List<FiniteRun> finiteRuns() {
        List<FiniteRun> runs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= xs.length; i++) {
            boolean gap = i == xs.length || !Double.isFinite(xs[i]) || !Double.isFinite(ys[i]);
            if (gap) {
                if (i > start) {
                    runs.add(new FiniteRun(Arrays.copyOfRange(xs, start, i),
                            Arrays.copyOfRange(ys, start, i)));
                }
                start = i + 1;
            }
        }
        return runs;
    }
}
