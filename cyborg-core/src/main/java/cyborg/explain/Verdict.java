package cyborg.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares each group with the cross-entropy group ({@code ce}) on what the papers report for
 * human-guided models: lower salience entropy and higher stability across runs. Says plainly when
 * a comparison does not hold or cannot be made.
 */
final class Verdict {
    private Verdict() {}

    @SuppressWarnings("unchecked")
    static List<String> lines(Map<String, Object> groups) {
        List<String> out = new ArrayList<>();
        Map<String, Object> ce = (Map<String, Object>) groups.get("ce");
        if (ce == null) {
            out.add("No group is named 'ce', so no group is compared with cross-entropy training.");
            return out;
        }
        for (Map.Entry<String, Object> e : groups.entrySet()) {
            if (e.getKey().equals("ce")) {
                continue;
            }
            Map<String, Object> g = (Map<String, Object>) e.getValue();
            double entG = mean(g.get("entropy"));
            double entCe = mean(ce.get("entropy"));
            out.add(String.format(Locale.ROOT, "%s vs ce: salience entropy %.3f vs %.3f: %s", e.getKey(), entG, entCe,
                    entG < entCe ? "lower, as the papers report" : "NOT lower, unlike the papers"));
            Object sg = g.get("stability");
            Object sc = ce.get("stability");
            if (sg == null || sc == null) {
                out.add(e.getKey() + " vs ce: cross-run stability needs at least two runs in each group; not compared.");
                continue;
            }
            String which = Double.isFinite(mean(((Map<String, Object>) sg).get("ssim"))) ? "ssim" : "pearson";
            double stG = mean(((Map<String, Object>) sg).get(which));
            double stC = mean(((Map<String, Object>) sc).get(which));
            out.add(String.format(Locale.ROOT, "%s vs ce: cross-run stability (%s) %.3f vs %.3f: %s", e.getKey(),
                    which.equals("ssim") ? "SSIM" : "Pearson; maps below 7x7 have no SSIM", stG, stC,
                    stG > stC ? "higher, as the papers report" : "NOT higher, unlike the papers"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static double mean(Object stats) {
        Object m = stats instanceof Map<?, ?> map ? ((Map<String, Object>) map).get("mean") : null;
        return m instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
