package cyborg.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The decoy part's two findings, computed from the mean test AUCs: whether the recommended method
 * reaches the no-decoy ceiling (within {@link #TOLERANCE}), and whether CE follows the decoy. A
 * model follows the decoy when its scores rank the test images by the square's shade better than
 * by their class: its AUC against decoy-truth.csv is above its test AUC. That needs no threshold
 * of its own, and it is what "the shortcut wins" means: on the test split the square is random, so
 * whatever the model takes from it, it takes from the object's texture less.
 *
 * @param recommended the recommended method's name
 * @param recommendedAuc its mean test AUC (NaN when not run)
 * @param ceilingAuc the no-decoy ceiling's mean test AUC (NaN when not run)
 * @param ceAuc CE's mean test AUC (NaN when not run)
 * @param ceDecoyAuc CE's mean AUC against the decoy's label (NaN when not run)
 */
record DecoyVerdict(String recommended, double recommendedAuc, double ceilingAuc, double ceAuc, double ceDecoyAuc) {
    /** The recommended method reaches the ceiling when its test AUC is at most this much below. */
    static final double TOLERANCE = 0.02;

    /** Whether the recommended method and the ceiling were both run. */
    boolean comparable() {
        return !Double.isNaN(recommendedAuc) && !Double.isNaN(ceilingAuc);
    }

    /** The recommended method's mean test AUC minus the ceiling's. */
    double belowCeiling() {
        return ceilingAuc - recommendedAuc;
    }

    boolean reachesCeiling() {
        // the slack keeps a difference that prints as 0.020 on the side the report's rule states
        return comparable() && belowCeiling() <= TOLERANCE + 1e-9;
    }

    boolean ceRun() {
        return !Double.isNaN(ceAuc) && !Double.isNaN(ceDecoyAuc);
    }

    boolean ceFollowsDecoy() {
        return ceRun() && ceDecoyAuc > ceAuc;
    }

    /** The two sentences of the report. */
    String sentences() {
        String first;
        if (!comparable()) {
            first = "The recommended method and the no-decoy ceiling were not both run, so they are not compared.";
        } else if (reachesCeiling()) {
            first = String.format(Locale.ROOT, "%s reaches the no-decoy ceiling: test AUC %.3f against %.3f"
                    + " (within %.2f).", recommended, recommendedAuc, ceilingAuc, TOLERANCE);
        } else {
            first = String.format(Locale.ROOT, "%s does not reach the no-decoy ceiling: test AUC %.3f against"
                    + " %.3f, %.3f below (within %.2f would count).", recommended, recommendedAuc, ceilingAuc,
                    belowCeiling(), TOLERANCE);
        }
        String second;
        if (!ceRun()) {
            second = "CE was not run, so whether it follows the decoy is not measured.";
        } else if (ceFollowsDecoy()) {
            second = String.format(Locale.ROOT, "CE follows the decoy: its scores rank the test images by the square's"
                    + " shade (AUC %.3f) better than by their class (%.3f).", ceDecoyAuc, ceAuc);
        } else {
            second = String.format(Locale.ROOT, "CE does not follow the decoy: its scores rank the test images by their"
                    + " class (AUC %.3f) at least as well as by the square's shade (%.3f).", ceAuc, ceDecoyAuc);
        }
        return first + " " + second;
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", recommended);
        m.put("auc", recommendedAuc);
        m.put("ceiling_auc", ceilingAuc);
        m.put("tolerance", TOLERANCE);
        m.put("reaches_ceiling", reachesCeiling());
        m.put("ce_auc", ceAuc);
        m.put("ce_decoy_auc", ceDecoyAuc);
        m.put("ce_follows_decoy", ceFollowsDecoy());
        return m;
    }
}
