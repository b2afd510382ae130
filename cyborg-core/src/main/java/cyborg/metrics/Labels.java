package cyborg.metrics;

/**
 * The class labels of cyborg's detection task and the checks every metric applies to its input.
 *
 * <p>Class 0 is Real (bona fide, the negative class); class 1 is Synthetic (attack, the positive
 * class). A higher score means "more likely Synthetic".
 */
public final class Labels {

    /** Label of bona fide (real) face images. */
    public static final int REAL = 0;

    /** Label of synthetic (GAN-generated) face images. */
    public static final int SYNTHETIC = 1;

    private Labels() {
    }

    /**
     * Checks that scores and labels pair up, that no score is NaN and that every label is
     * {@link #REAL} or {@link #SYNTHETIC}.
     *
     * @throws IllegalArgumentException naming the first offending element
     */
    static void requireWellFormed(double[] scores, int[] labels) {
        if (scores == null || labels == null) {
            throw new IllegalArgumentException("scores and labels must not be null");
        }
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels differ in length: "
                    + scores.length + " scores, " + labels.length + " labels");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            if (labels[i] != REAL && labels[i] != SYNTHETIC) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i]
                        + "; expected " + REAL + " (Real) or " + SYNTHETIC + " (Synthetic)");
            }
        }
    }

    /**
     * Like {@link #requireWellFormed} and additionally checks that both classes occur, since
     * every rate in this package divides by the size of one class.
     */
    static void requireBothClasses(double[] scores, int[] labels) {
        requireWellFormed(scores, labels);
        int synthetic = count(labels, SYNTHETIC);
        if (synthetic == 0) {
            throw new IllegalArgumentException("no Synthetic (label 1) samples among "
                    + labels.length + "; both classes are needed");
        }
        if (synthetic == labels.length) {
            throw new IllegalArgumentException("no Real (label 0) samples among "
                    + labels.length + "; both classes are needed");
        }
    }

    static int count(int[] labels, int label) {
        int n = 0;
        for (int l : labels) {
            if (l == label) {
                n++;
            }
        }
        return n;
    }
}
