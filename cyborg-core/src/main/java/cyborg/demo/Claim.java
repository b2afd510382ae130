package cyborg.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's claim, checked on the headline open-set AUC (authentic images and the families whose
 * mechanism training shows; see {@link OpenSetFamilies}). First the shortcut-free reference, when it
 * was run ({@link Reference}): does the benchmark let a detector learn and transfer at all, and does
 * the shortcut matter? Then the recommended method: it beats CE by {@link Report#TARGET_MARGIN},
 * comes within {@link Report#TARGET_WITHIN_REFERENCE} of the reference, detects each shared family
 * (per-family AUC at least {@link Report#TARGET_FAMILY_AUC}) and stays above 0.5 with the shortcut
 * reversed while CE falls below. Last, when CE with four times the data was run ({@link MoreData}),
 * whether guidance at 1x beats it (the CYBORG paper's claim).
 *
 * @param auc the recommended method's headline AUC (mean over seeds)
 * @param ceAuc CE's headline AUC
 * @param reversedAuc the recommended method's headline AUC with the shortcut reversed
 * @param ceReversedAuc CE's, likewise
 * @param reference the reference's targets, or null when it was not run
 * @param moreData CE with four times the data, or null when it was not run
 */
record Claim(String method, double auc, double ceAuc, Map<String, Double> sharedFamilies,
        Map<String, Double> unseenFamilies, double reversedAuc, double ceReversedAuc, Reference reference,
        MoreData moreData) {

    /**
     * Whether {@code value} reaches {@code target}. The values are means and differences of AUCs,
     * which land a rounding error off a round target (0.75 - 0.60 is 0.1499...); a difference
     * that small is no miss.
     */
    static boolean reaches(double value, double target) {
        return value >= target - 1e-9;
    }

    /** The recommended method's headline AUC minus CE's. */
    double margin() {
        return auc - ceAuc;
    }

    boolean marginHolds() {
        return reaches(margin(), Report.TARGET_MARGIN);
    }

    boolean sharedFamiliesDetected() {
        return detected(sharedFamilies);
    }

    private static boolean detected(Map<String, Double> families) {
        return !families.isEmpty() && families.values().stream().allMatch(v -> reaches(v, Report.TARGET_FAMILY_AUC));
    }

    boolean reversedHolds() {
        return reversedAuc > 0.5 && ceReversedAuc < 0.5;
    }

    /** The reference's AUC minus CE's (NaN without it): about what removing the shortcut can gain here. */
    double reachableGain() {
        return reference == null ? Double.NaN : reference.auc() - ceAuc;
    }

    /**
     * The method's AUC minus the reference's (NaN without it): below 0 it removed the shortcut
     * only in part, above 0 it learnt more than shortcut-free data teaches. A difference, not a
     * share of the reachable gain: that gain can be a few hundredths, and a ratio to it swings
     * with the noise.
     */
    double overReference() {
        return reference == null ? Double.NaN : auc - reference.auc();
    }

    /** Whether the method is at most {@link Report#TARGET_WITHIN_REFERENCE} below the reference (false without it). */
    boolean withinReference() {
        return reference != null && reaches(overReference(), -Report.TARGET_WITHIN_REFERENCE);
    }

    /** Every target of the recommended method; within the reference only when the reference was run. */
    boolean holds() {
        return marginHolds() && sharedFamiliesDetected() && reversedHolds() && (reference == null || withinReference());
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("auc_on", "auc_shared: the open set of split.csv restricted to the authentic images and the families"
                + " whose mechanism training shows");
        m.put("auc", auc);
        m.put("ce_auc", ceAuc);
        m.put("minus_ce_auc", margin());
        m.put("target_margin", Report.TARGET_MARGIN);
        m.put("margin_holds", marginHolds());
        m.put("shared_mechanism_family_auc", sharedFamilies);
        m.put("unseen_mechanism_family_auc", unseenFamilies);
        m.put("target_family_auc", Report.TARGET_FAMILY_AUC);
        m.put("shared_families_detected", sharedFamiliesDetected());
        m.put("auc_reversed", reversedAuc);
        m.put("ce_auc_reversed", ceReversedAuc);
        m.put("reversed_holds", reversedHolds());
        m.put("holds", holds());
        if (reference != null) {
            m.put("ceiling_minus_ce_auc", reachableGain());
            m.put("minus_ceiling_auc", overReference());
            m.put("target_within_reference", Report.TARGET_WITHIN_REFERENCE);
            m.put("within_reference", withinReference());
            m.put("reference", reference.json(ceAuc));
        }
        if (moreData != null) {
            m.put("more_data", moreData.json(auc));
        }
        return m;
    }

    /** The verdict in words: every target, met or MISSED, with its numbers. */
    String sentence() {
        StringBuilder sb = new StringBuilder();
        if (reference != null) {
            sb.append(reference.sentence(ceAuc)).append(' ');
        }
        sb.append(String.format(Locale.ROOT, "%s's open-set AUC (shared mechanisms) is %.3f, %s CE's by %.3f (target:"
                + " above by %.2f: %s)", method, auc, margin() >= 0 ? "above" : "below", Math.abs(margin()),
                Report.TARGET_MARGIN, verdict(marginHolds())));
        if (reference != null) {
            sb.append(String.format(Locale.ROOT, " and %s the reference's by %.3f (target: at most %.2f below: %s)",
                    overReference() >= 0 ? "above" : "below", Math.abs(overReference()),
                    Report.TARGET_WITHIN_REFERENCE, verdict(withinReference())));
        }
        sb.append('.');
        sb.append(String.format(Locale.ROOT, " Families sharing a training mechanism: %s (target %.2f each: %s).",
                format(sharedFamilies), Report.TARGET_FAMILY_AUC, verdict(sharedFamiliesDetected())));
        sb.append(String.format(Locale.ROOT, " Families with an unseen mechanism (the hard case): %s.", format(unseenFamilies)));
        sb.append(String.format(Locale.ROOT, " With the shortcut reversed: %.3f vs CE %.3f (target: above 0.5 while CE"
                + " is below: %s).", reversedAuc, ceReversedAuc, verdict(reversedHolds())));
        // the reference's sentence already gave its gap to CE: here only what that gap means for the margin
        if (reference != null && reachableGain() < Report.TARGET_MARGIN) {
            sb.append(String.format(Locale.ROOT, " The reference, about what removing the shortcut can gain here, is only"
                    + " %.3f above CE: a margin of %.2f needs a model that learns the traces better than shortcut-free"
                    + " data teaches.", reachableGain(), Report.TARGET_MARGIN));
        }
        if (moreData != null) {
            sb.append(' ').append(moreData.sentence(method, auc));
        }
        return sb.toString();
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static String format(Map<String, Double> aucs) {
        StringBuilder sb = new StringBuilder();
        aucs.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.3f", k, v)));
        return sb.length() == 0 ? "none" : sb.toString();
    }

    /**
     * The shortcut-free reference (CE trained where the mark carries no label) against the issue's
     * targets for the benchmark: it learns the training families (validation AUC at least
     * {@link Report#TARGET_VAL_AUC} in every run), transfers (headline AUC at least
     * {@link Report#TARGET_REFERENCE_AUC}, each shared family at least {@link Report#TARGET_FAMILY_AUC}),
     * and the shortcut matters (CE trained with it at least {@link Report#TARGET_SHORTCUT_GAP} below).
     *
     * @param auc its headline AUC (mean over seeds)
     * @param valAucMin its lowest validation AUC over seeds
     */
    record Reference(String method, double auc, double valAucMin, Map<String, Double> sharedFamilies) {
        boolean valAucHolds() {
            return reaches(valAucMin, Report.TARGET_VAL_AUC);
        }

        boolean aucHolds() {
            return reaches(auc, Report.TARGET_REFERENCE_AUC);
        }

        boolean familiesDetected() {
            return detected(sharedFamilies);
        }

        boolean shortcutMatters(double ceAuc) {
            return reaches(auc - ceAuc, Report.TARGET_SHORTCUT_GAP);
        }

        boolean holds(double ceAuc) {
            return valAucHolds() && aucHolds() && familiesDetected() && shortcutMatters(ceAuc);
        }

        Map<String, Object> json(double ceAuc) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", method);
            m.put("val_auc_min", valAucMin);
            m.put("target_val_auc", Report.TARGET_VAL_AUC);
            m.put("val_auc_holds", valAucHolds());
            m.put("auc", auc);
            m.put("target_auc", Report.TARGET_REFERENCE_AUC);
            m.put("auc_holds", aucHolds());
            m.put("shared_mechanism_family_auc", sharedFamilies);
            m.put("target_family_auc", Report.TARGET_FAMILY_AUC);
            m.put("shared_families_detected", familiesDetected());
            m.put("minus_ce_auc", auc - ceAuc);
            m.put("target_minus_ce_auc", Report.TARGET_SHORTCUT_GAP);
            m.put("shortcut_matters", shortcutMatters(ceAuc));
            m.put("holds", holds(ceAuc));
            return m;
        }

        String sentence(double ceAuc) {
            return String.format(Locale.ROOT, "The shortcut-free reference (%s): lowest validation AUC over runs %.3f"
                    + " (target at least %.2f in every run: %s); open-set AUC (shared mechanisms) %.3f (target %.2f: %s);"
                    + " its families sharing a training mechanism: %s (target %.2f each: %s); CE is %.3f %s it (target:"
                    + " at least %.2f below: %s).", method, valAucMin, Report.TARGET_VAL_AUC, verdict(valAucHolds()), auc,
                    Report.TARGET_REFERENCE_AUC, verdict(aucHolds()), format(sharedFamilies), Report.TARGET_FAMILY_AUC,
                    verdict(familiesDetected()), Math.abs(auc - ceAuc), auc - ceAuc >= 0 ? "below" : "above",
                    Report.TARGET_SHORTCUT_GAP, verdict(shortcutMatters(ceAuc)));
        }
    }

    /**
     * The paper's data row: CE trained on four times the data at the same shortcut rate. Guidance
     * at 1x beats it when the recommended method's headline AUC is higher.
     *
     * @param auc its headline AUC (mean over seeds)
     */
    record MoreData(String method, double auc) {
        boolean beatenBy(double guidedAuc) {
            return guidedAuc > auc;
        }

        Map<String, Object> json(double guidedAuc) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", method);
            m.put("auc", auc);
            m.put("recommended_minus_auc", guidedAuc - auc);
            m.put("guidance_beats_more_data", beatenBy(guidedAuc));
            return m;
        }

        String sentence(String guided, double guidedAuc) {
            return String.format(Locale.ROOT, "CE with 4x the training data (%s) scores %.3f; %s at 1x is %s it by %.3f:"
                    + " guidance at 1x %s 4x the data (the CYBORG paper's claim).", method, auc, guided,
                    guidedAuc - auc >= 0 ? "above" : "below", Math.abs(guidedAuc - auc),
                    beatenBy(guidedAuc) ? "beats" : "does NOT beat");
        }
    }
}
