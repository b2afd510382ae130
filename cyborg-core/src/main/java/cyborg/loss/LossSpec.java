package cyborg.loss;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads loss specifications. A specification is a preset name or a comma-separated list of
 * {@code term[:weight]} (weight 1 when omitted), where one {@code log1p(...)} group may hold
 * terms added as {@code ln(1 + sum)}.
 *
 * <p>Terms: {@code ce} cross-entropy; {@code cyborg} (alias {@code mse}) MSE between CAM and
 * human map; {@code kl} KL divergence between map and CAM; {@code logent} mean ln(1 + CAM
 * entropy); {@code ent} mean CAM entropy; {@code entmatch} squared difference between the mean
 * CAM entropy and the mean human-map entropy; {@code rrr} "Right for the Right Reasons", the
 * squared input gradient off the human map ({@link RightReasons}).
 *
 * <p>Presets: {@code ce} = {@code ce:1}; {@code cyborg} = {@code ce:alpha,cyborg:(1-alpha)}
 * (alpha 0.5 by default, as the reference); {@code focus} = {@code ce:0.5,cyborg:0.5,logent:0.5};
 * {@code rrr} = {@value #RRR_PRESET}.
 *
 * <p>The {@code rrr} preset's weight is set by scale, not tuned on results: Ross et al. chose
 * lambda so that the reasons term is of the order of the cross-entropy (lambda 1000 for summed
 * squared gradients of an MLP on [0, 1] MNIST pixels). Measured on the benchmark (seed 1), with
 * {@code smallresnet} at 64 px trained by {@code ce:1,rrr:0} (the term logged, not trained), the
 * term averaged 0.016 to 0.029 over the first epoch against a CE of 0.73; it grows as the model
 * becomes confident (by up to {@code 1/(p_1 - p_0)^2}, see {@link RightReasons}). A weight of 10
 * makes it about a quarter of CE at the start: comparable, without dominating.
 */
public final class LossSpec {
    private static final Map<String, Supplier<LossTerm>> TERMS = new LinkedHashMap<>();

    static {
        TERMS.put("ce", CrossEntropy::new);
        TERMS.put("cyborg", CamMapMse::new);
        TERMS.put("mse", CamMapMse::new);
        TERMS.put("kl", CamMapKl::new);
        TERMS.put("logent", LogEntropy::new);
        TERMS.put("ent", Entropy::new);
        TERMS.put("entmatch", EntropyMatch::new);
        TERMS.put("rrr", RightReasons::new);
    }

    /** Weight of the {@code rrr} term in the {@code rrr} preset (see the class comment for why). */
    public static final double RRR_WEIGHT = 10;
    /** What the {@code rrr} preset stands for. */
    public static final String RRR_PRESET = "ce:1,rrr:10";

    /** Each preset's expansion, given the {@code cyborg} preset's alpha. */
    private static final Map<String, DoubleFunction<String>> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put("ce", alpha -> "ce:1");
        PRESETS.put("cyborg", alpha -> "ce:" + format(alpha) + ",cyborg:" + format(1 - alpha));
        PRESETS.put("focus", alpha -> "ce:0.5,cyborg:0.5,logent:0.5");
        PRESETS.put("rrr", alpha -> RRR_PRESET);
    }

    private LossSpec() {}

    /**
     * One line per term of the registry, for help texts: {@code cyborg (also mse): what it is}.
     */
    public static List<String> termHelp() {
        Map<String, List<String>> namesByTerm = new LinkedHashMap<>();
        Map<String, String> what = new LinkedHashMap<>();
        TERMS.forEach((name, factory) -> {
            LossTerm t = factory.get();
            namesByTerm.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(name);
            what.put(t.name(), t.what());
        });
        List<String> lines = new ArrayList<>();
        namesByTerm.forEach((term, names) -> {
            List<String> aliases = names.stream().filter(n -> !n.equals(term)).toList();
            lines.add("  " + term + (aliases.isEmpty() ? "" : " (also " + String.join(", ", aliases) + ")") + ": "
                    + what.get(term));
        });
        return lines;
    }

    /**
     * One line per preset, for help texts, each with its expansion; the {@code cyborg} preset's
     * CE weight is shown as {@code a}, the value of {@code --alpha}.
     */
    public static List<String> presetHelp() {
        List<String> lines = new ArrayList<>();
        // expanding at two alphas shows which weights follow alpha, without a second list to keep in step
        PRESETS.forEach((name, expansion) -> {
            String at = expansion.apply(0.25);
            String shown = at.equals(expansion.apply(0.5)) ? at
                    : at.replace(format(0.25), "a").replace(format(0.75), "(1-a)");
            lines.add("  " + name + " = " + shown);
        });
        return lines;
    }

    /** Parses {@code spec}; {@code alpha} is the CE weight of the {@code cyborg} preset. */
    public static CompositeLoss parse(String spec, double alpha) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        DoubleFunction<String> preset = PRESETS.get(s);
        if (preset != null) {
            // NaN fails both comparisons, so it is refused too.
            if (s.equals("cyborg") && !(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("--alpha must lie in [0, 1], got " + alpha);
            }
            return parse(preset.apply(alpha), alpha);
        }
        List<WeightedTerm> linear = new ArrayList<>();
        List<WeightedTerm> group = new ArrayList<>();
        for (String item : splitTopLevel(s, spec)) {
            if (item.startsWith("log1p(")) {
                if (!item.endsWith(")") || !group.isEmpty()) {
                    throw error(spec, "write one group as log1p(term:weight,...)");
                }
                for (String inner : splitTopLevel(item.substring(6, item.length() - 1), spec)) {
                    group.add(term(inner, spec));
                }
            } else {
                linear.add(term(item, spec));
            }
        }
        requireDistinct(linear, group, spec);
        if (Stream.concat(linear.stream(), group.stream()).allMatch(wt -> wt.weight() == 0)) {
            throw error(spec, "every weight is 0, so nothing would be trained; give at least one term a"
                    + " positive weight");
        }
        return new CompositeLoss(linear, group);
    }

    /** A term given twice (perhaps under an alias) would count twice but be logged once. */
    private static void requireDistinct(List<WeightedTerm> linear, List<WeightedTerm> group, String spec) {
        Set<String> seen = new HashSet<>();
        for (WeightedTerm wt : (Iterable<WeightedTerm>) Stream.concat(linear.stream(), group.stream())::iterator) {
            if (!seen.add(wt.term().name())) {
                throw error(spec, "the term " + wt.term().name() + " appears twice" + aliasNote(wt.term().name())
                        + "; give each term once with its total weight");
            }
        }
    }

    /** E.g. {@code " (mse is another name of cyborg)"}, or nothing for a term without aliases. */
    private static String aliasNote(String name) {
        List<String> aliases = TERMS.entrySet().stream()
                .filter(e -> !e.getKey().equals(name) && e.getValue().get().name().equals(name))
                .map(Map.Entry::getKey).toList();
        return aliases.isEmpty() ? "" : " (" + String.join(", ", aliases) + " is another name of " + name + ")";
    }

    private static WeightedTerm term(String item, String spec) {
        String[] nameWeight = item.split(":", -1);
        if (nameWeight.length > 2 || nameWeight[0].isBlank()) {
            throw error(spec, "'" + item + "' is not term[:weight]");
        }
        Supplier<LossTerm> factory = TERMS.get(nameWeight[0].trim());
        if (factory == null) {
            throw error(spec, "unknown term '" + nameWeight[0].trim() + "'");
        }
        double weight = 1;
        if (nameWeight.length == 2) {
            try {
                weight = Double.parseDouble(nameWeight[1].trim());
            } catch (NumberFormatException e) {
                throw error(spec, "weight '" + nameWeight[1].trim() + "' is not a number");
            }
            if (!Double.isFinite(weight) || weight < 0) {
                throw error(spec, "weight of " + nameWeight[0].trim() + " must be finite and >= 0");
            }
        }
        return new WeightedTerm(factory.get(), weight);
    }

    private static List<String> splitTopLevel(String s, String spec) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                items.add(s.substring(start, i).trim());
                start = i + 1;
            }
            if (depth < 0 || depth > 1) {
                throw error(spec, "unbalanced or nested parentheses");
            }
        }
        if (depth != 0) {
            throw error(spec, "unbalanced parentheses");
        }
        items.add(s.substring(start).trim());
        if (items.stream().anyMatch(String::isEmpty)) {
            throw error(spec, "empty term");
        }
        return items;
    }

    private static IllegalArgumentException error(String spec, String why) {
        return new IllegalArgumentException("bad loss specification '" + spec + "': " + why
                + ". Use a preset (" + String.join(", ", PRESETS.keySet()) + ") or terms like"
                + " ce:0.5,cyborg:0.5,logent:0.5 (terms: " + String.join(", ", TERMS.keySet())
                + "; optional log1p(...) group).");
    }

    /** Formats a weight without trailing zeros (0.5, 1, 0.25). */
    static String format(double w) {
        String s = String.format(Locale.ROOT, "%.6f", w).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
