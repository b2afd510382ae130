package cyborg.explain;

/**
 * How much a detector relies on one region, from paired scores of the same images with the region
 * changed and unchanged (e.g. with and without a generator's watermark): a detector that reads the
 * face ignores the change, one that learnt a shortcut follows it.
 *
 * @param pairs number of image pairs
 * @param meanChange mean of {@code changed - unchanged} (signed: which way the change pushes the score)
 * @param meanAbsChange mean of {@code |changed - unchanged|} (how much, either way)
 * @param flipRate fraction of pairs whose decision ({@code score >= }{@link #DECISION_THRESHOLD})
 *     differs between the two
 */
public record ShortcutReliance(int pairs, double meanChange, double meanAbsChange, double flipRate) {
    /** Scores at or above this are decided Synthetic, as everywhere in cyborg. */
    public static final double DECISION_THRESHOLD = 0.5;

    /**
     * @param changed score of each image with the region changed
     * @param unchanged score of the same image, in the same order, without the change
     * @throws IllegalArgumentException if the lengths differ, there are no pairs or a score is not finite
     */
    public static ShortcutReliance of(double[] changed, double[] unchanged) {
        if (changed.length != unchanged.length) {
            throw new IllegalArgumentException("lengths differ: " + changed.length + " vs " + unchanged.length);
        }
        if (changed.length == 0) {
            throw new IllegalArgumentException("shortcut reliance of no pairs is undefined");
        }
        double sum = 0;
        double abs = 0;
        int flips = 0;
        for (int i = 0; i < changed.length; i++) {
            if (!Double.isFinite(changed[i]) || !Double.isFinite(unchanged[i])) {
                throw new IllegalArgumentException("pair " + i + " has a score that is not finite: " + changed[i]
                        + ", " + unchanged[i]);
            }
            double d = changed[i] - unchanged[i];
            sum += d;
            abs += Math.abs(d);
            if ((changed[i] >= DECISION_THRESHOLD) != (unchanged[i] >= DECISION_THRESHOLD)) {
                flips++;
            }
        }
        int n = changed.length;
        return new ShortcutReliance(n, sum / n, abs / n, (double) flips / n);
    }
}
