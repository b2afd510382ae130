package cyborg.util;

import java.util.Locale;

/**
 * The one way a numeric option is checked against its documented range: a value outside it is
 * refused with the option, the value given and the range, so that no command quietly falls back
 * to a default (before these checks {@code train --size 0} trained at 64 px and recorded 0).
 * NaN fails every comparison and is refused; so is an infinite value where the range is open.
 */
public final class Ranges {
    private Ranges() {}

    /** {@code value} if it is at least {@code min}. */
    public static int atLeast(String option, int value, int min) {
        return atLeast(option, value, min, "");
    }

    /** {@code value} if it is at least {@code min}; {@code why} (may be empty) says why the bound is there. */
    public static int atLeast(String option, int value, int min, String why) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + (why.isEmpty() ? "" : " (" + why + ")")
                    + ", got " + value);
        }
        return value;
    }

    /** {@code value} if it lies in {@code min..max} (both included); {@code context} says whose bounds they are. */
    public static int within(String option, int value, int min, int max, String context) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must lie in " + min + ".." + max
                    + (context.isEmpty() ? "" : " " + context) + ", got " + value);
        }
        return value;
    }

    /** {@code value} if it is a finite number above 0. */
    public static double positive(String option, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(option + " must be a finite number above 0, got " + format(value));
        }
        return value;
    }

    /** {@code value} if it is a finite number of at least 0. */
    public static double nonNegative(String option, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(option + " must be a finite number of at least 0, got " + format(value));
        }
        return value;
    }

    /**
     * {@code value} if it lies between {@code min} and {@code max}, each end included or not as
     * said; the message writes the range in interval notation, e.g. {@code [0, 1)}.
     */
    public static double within(String option, double value, double min, boolean minIncluded, double max,
            boolean maxIncluded) {
        boolean aboveMin = minIncluded ? value >= min : value > min;
        boolean belowMax = maxIncluded ? value <= max : value < max;
        if (!(aboveMin && belowMax)) {
            throw new IllegalArgumentException(option + " must lie in " + (minIncluded ? "[" : "(") + format(min)
                    + ", " + format(max) + (maxIncluded ? "]" : ")") + ", got " + format(value));
        }
        return value;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Double.isFinite(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
