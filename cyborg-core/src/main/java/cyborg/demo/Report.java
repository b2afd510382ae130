package cyborg.demo;

import cyborg.eval.MeanStd;
import cyborg.eval.RunSummary;
import cyborg.io.AtomicFiles;
import cyborg.io.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the demo's {@code results.json} and {@code report.md} and formats its table. */
final class Report {
    /** CYBORG must beat CE on open-set AUC by this much for the demo's claim to hold. */
    static final double TARGET_MARGIN = 0.05;

    private final DemoConfig config;
    private final List<LossOutcome> losses;
    private final Map<String, Object> benchmark;

    Report(DemoConfig config, List<LossOutcome> losses, Map<String, Object> benchmark) {
        this.config = config;
        this.losses = losses;
        this.benchmark = benchmark;
    }

    Map<String, Object> results() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> byLoss = new LinkedHashMap<>();
        for (LossOutcome l : losses) {
            RunSummary s = l.report().summary();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("spec", l.spec);
            m.put("auc_mean", s.auc().mean());
            m.put("auc_std", s.auc().std());
            m.put("auc_per_seed", l.runs.stream().map(r -> r.metrics().auc()).toList());
            Map<String, Double> perSource = new LinkedHashMap<>();
            s.sourceAuc().forEach((k, v) -> perSource.put(k, v.mean()));
            m.put("per_source", perSource);
            m.put("cam_mse", LossOutcome.mean(l.camMse));
            m.put("cam_mse_per_seed", l.camMse);
            m.put("cam_entropy", LossOutcome.mean(l.camEntropy));
            m.put("cam_entropy_per_seed", l.camEntropy);
            Map<String, Double> tdr = new LinkedHashMap<>();
            s.tdrAtFdr().forEach((k, v) -> tdr.put(Double.toString(k), v.mean()));
            m.put("tdr_at_fdr", tdr);
            m.put("acer", s.acer().mean());
            byLoss.put(l.name, m);
        }
        root.put("losses", byLoss);
        root.put("seeds", config.seeds());
        Double margin = margin();
        if (margin != null) {
            Map<String, Object> claim = new LinkedHashMap<>();
            claim.put("cyborg_minus_ce_auc", margin);
            claim.put("target", TARGET_MARGIN);
            claim.put("holds", margin >= TARGET_MARGIN && camCloser());
            claim.put("cyborg_cams_closer_to_human_maps", camCloser());
            root.put("claim", claim);
        }
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("train_args", config.training().cliArgs());
        cfg.put("losses", config.losses());
        cfg.put("benchmark", benchmark);
        cfg.put("cam_mse_on", "validation split (human maps averaged over annotators, at the CAM's size)");
        cfg.put("cam_entropy_on", "open-set test split (spatial entropy, natural log, of the normalised CAM)");
        root.put("config", cfg);
        return root;
    }

    private LossOutcome find(String name) {
        return losses.stream().filter(l -> l.name.equals(name)).findFirst().orElse(null);
    }

    /** CYBORG's mean open-set AUC minus CE's, or null when one of them was not run. */
    Double margin() {
        LossOutcome ce = find("ce");
        LossOutcome cy = find("cyborg");
        return ce == null || cy == null ? null : cy.report().summary().auc().mean() - ce.report().summary().auc().mean();
    }

    private boolean camCloser() {
        LossOutcome ce = find("ce");
        LossOutcome cy = find("cyborg");
        return ce != null && cy != null && LossOutcome.mean(cy.camMse) < LossOutcome.mean(ce.camMse);
    }

    /** The summary table printed at the end and put into the report. */
    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "| loss | open-set AUC (mean ± std over %d seed%s) | CAM-to-human-map MSE (val) "
                + "| CAM entropy (test) |%n|---|---|---|---|%n", config.seeds().size(), config.seeds().size() == 1 ? "" : "s"));
        for (LossOutcome l : losses) {
            MeanStd auc = l.report().summary().auc();
            sb.append(String.format(Locale.ROOT, "| %s | %.3f ± %.3f | %.4f | %.3f |%n", l.name, auc.mean(), auc.std(),
                    LossOutcome.mean(l.camMse), LossOutcome.mean(l.camEntropy)));
        }
        return sb.toString();
    }

    /** AUC per source and loss. */
    String perSourceTable() {
        StringBuilder sb = new StringBuilder("| source |");
        losses.forEach(l -> sb.append(' ').append(l.name).append(" |"));
        sb.append("\n|---|").append("---|".repeat(losses.size())).append('\n');
        for (String source : losses.get(0).report().summary().sourceAuc().keySet()) {
            sb.append("| ").append(source).append(" |");
            for (LossOutcome l : losses) {
                MeanStd v = l.report().summary().sourceAuc().get(source);
                sb.append(v == null ? " - |" : String.format(Locale.ROOT, " %.3f ± %.3f |", v.mean(), v.std()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Whether the expected effect showed, and how far every model still is from a working detector. */
    String verdict() {
        return comparison() + caveat();
    }

    /** What the absolute numbers say beyond the comparison: below-chance AUCs, undetected generators. */
    private String caveat() {
        double best = losses.stream().mapToDouble(l -> l.report().summary().auc().mean()).max().orElse(Double.NaN);
        if (best >= 0.5) {
            return "";
        }
        return String.format(Locale.ROOT, " But every model scores below 0.5 (best %.3f): the reversed shortcut still"
                + " misleads them all, the guided ones less, and %s.", best, generatorSentence());
    }

    private String generatorSentence() {
        List<String> generators = benchmarkGenerators();
        long detected = generators.stream().filter(g -> losses.stream().anyMatch(l -> {
            MeanStd v = l.report().summary().sourceAuc().get(g);
            return v != null && v.mean() > 0.5;
        })).count();
        return detected == 0 ? "no model detects any of the unseen generator families (all their AUCs are below 0.5)"
                : detected + " of the " + generators.size() + " unseen generator families get an AUC above 0.5 from some model";
    }

    @SuppressWarnings("unchecked")
    private List<String> benchmarkGenerators() {
        Object images = benchmark.get("images");
        if (!(images instanceof Map<?, ?> m) || !(m.get("test") instanceof Map<?, ?> test)) {
            return List.of();
        }
        return ((Map<String, Object>) test).keySet().stream()
                .filter(k -> cyborg.synth.Benchmark.TEST_GENERATORS.stream().anyMatch(g -> g.id().equals(k))).toList();
    }

    private String comparison() {
        Double margin = margin();
        if (margin == null) {
            return "CE and CYBORG were not both run, so they are not compared.";
        }
        String closer = camCloser() ? "and its CAMs are closer to the human maps" : "but its CAMs are NOT closer to the human maps";
        if (margin >= TARGET_MARGIN) {
            return String.format(Locale.ROOT, "CYBORG's open-set AUC is above CE's by %.3f (target %.2f), %s.", margin,
                    TARGET_MARGIN, closer);
        }
        return String.format(Locale.ROOT, "The expected effect did NOT show: CYBORG's open-set AUC is %s CE's by %.3f"
                + " (target: above by %.2f); %s.", margin >= 0 ? "above" : "below", Math.abs(margin), TARGET_MARGIN, closer);
    }

    void write(Path dir) throws IOException {
        Json.write(dir.resolve("results.json"), results());
        StringBuilder md = new StringBuilder();
        md.append("# cyborg demo: does human-saliency guidance generalise better?\n\n");
        md.append(String.format(Locale.ROOT, "Benchmark seed %d, %d px; training seeds %s; %s.%n%n",
                config.benchmarkSeed(), config.size(), config.seeds(), String.join(" ", config.training().cliArgs())));
        md.append("Each model trains on one authentic style and two generator families with a watermark shortcut,"
                + " then is scored on the open-set test: two other authentic styles and four generator families it"
                + " never saw (see docs/benchmark.md).\n\n");
        md.append("**").append(verdict()).append("**\n\n");
        md.append(table()).append('\n');
        md.append("Losses: ");
        config.losses().forEach((k, v) -> md.append('`').append(k).append("` = `").append(v).append("`; "));
        md.append("\n\n## AUC per source (open-set test)\n\n").append(perSourceTable()).append('\n');
        md.append("## Where the models look\n\nAverage human map and average CAM of each loss over the open-set test"
                + " (each rescaled to its own range):\n\n![average CAMs](average-cams.png)\n\n");
        md.append("Examples (first seed): the image, its human map, and each loss's CAM overlay:\n\n"
                + "![CAM overlays](cam-examples.png)\n\n");
        md.append("## ROC curves\n\n");
        for (LossOutcome l : losses) {
            md.append("### ").append(l.name).append("\n\n![ROC ").append(l.name).append("](roc-").append(l.name)
                    .append(".png)\n\n");
        }
        md.append("Reproduce a row by hand: `cyborg train --csv benchmark/split.csv --images benchmark/images --maps"
                + " benchmark/maps --loss SPEC --seed S --out DIR ").append(String.join(" ", config.training().cliArgs()))
                .append("`, then `cyborg score` and `cyborg evaluate`.\n");
        AtomicFiles.writeString(dir.resolve("report.md"), md.toString());
    }
}
