package cyborg.eval;

import cyborg.metrics.DetectionMetrics;
import cyborg.metrics.MeanStd;
import cyborg.metrics.RocCurve;

import cyborg.io.Json;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the evaluation of one or more runs: {@code metrics.json} (top-level values are the mean
 * over runs, the value itself for one run; {@code std} mirrors them; {@code runs} lists each
 * file's metrics), a text table, and ROC plots ({@code roc.png}, {@code roc.svg}).
 */
public final class MetricsReport {
    private final List<RunMetrics> runs;
    private final RunSummary summary;

    public MetricsReport(List<RunMetrics> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to report");
        }
        this.runs = List.copyOf(runs);
        this.summary = RunSummary.of(runs.stream().map(RunMetrics::metrics).toList(),
                runs.stream().map(RunMetrics::perSource).toList());
    }

    public RunSummary summary() {
        return summary;
    }

    /** The JSON document written to {@code metrics.json}. */
    public Map<String, Object> json() {
        Map<String, Object> root = values(summary, false);
        root.put("n_runs", runs.size());
        root.put("std", values(summary, true));
        List<Map<String, Object>> each = new ArrayList<>();
        for (RunMetrics r : runs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", r.file());
            DetectionMetrics d = r.metrics();
            m.put("auc", d.auc());
            m.put("tdr_at_fdr", keyed(d.tdrAtFdr()));
            m.put("apcer", d.apcer());
            m.put("bpcer", d.bpcer());
            m.put("acer", d.acer());
            m.put("acer_threshold", d.acerThreshold());
            m.put("per_source", r.perSource());
            m.put("n_real", d.nReal());
            m.put("n_synthetic", d.nSynthetic());
            m.put("left_out", r.leftOut());
            each.add(m);
        }
        root.put("runs", each);
        return root;
    }

    private static Map<String, Object> values(RunSummary s, boolean std) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("auc", pick(s.auc(), std));
        Map<String, Double> tdr = new LinkedHashMap<>();
        s.tdrAtFdr().forEach((k, v) -> tdr.put(fdrKey(k), pick(v, std)));
        m.put("tdr_at_fdr", tdr);
        m.put("apcer", pick(s.apcer(), std));
        m.put("bpcer", pick(s.bpcer(), std));
        m.put("acer", pick(s.acer(), std));
        m.put("acer_threshold", pick(s.acerThreshold(), std));
        Map<String, Double> sources = new LinkedHashMap<>();
        s.sourceAuc().forEach((k, v) -> sources.put(k, pick(v, std)));
        m.put("per_source", sources);
        if (!std) {
            m.put("n_real", count(s.nReal()));
            m.put("n_synthetic", count(s.nSynthetic()));
        }
        return m;
    }

    /** A count as an integer when every run had the same, else the mean. */
    private static Object count(MeanStd v) {
        return v.std() == 0 ? (Object) Math.round(v.mean()) : (Object) v.mean();
    }

    private static double pick(MeanStd v, boolean std) {
        return std ? v.std() : v.mean();
    }

    private static Map<String, Double> keyed(Map<Double, Double> tdr) {
        Map<String, Double> out = new LinkedHashMap<>();
        tdr.forEach((k, v) -> out.put(fdrKey(k), v));
        return out;
    }

    private static String fdrKey(double fdr) {
        return String.format(Locale.ROOT, "%s", new java.math.BigDecimal(Double.toString(fdr)).stripTrailingZeros().toPlainString());
    }

    /** A human-readable table of the summary. */
    public String table() {
        String header = runs.size() == 1 ? "value" : "mean ± std over " + runs.size() + " runs";
        StringBuilder sb = new StringBuilder();
        row(sb, "metric", header);
        row(sb, "images", String.format(Locale.ROOT, "%.0f real, %.0f synthetic", summary.nReal().mean(),
                summary.nSynthetic().mean()));
        row(sb, "ROC AUC", fmt(summary.auc()));
        summary.tdrAtFdr().forEach((k, v) -> row(sb, String.format(Locale.ROOT, "TDR @ FDR %s%%",
                new java.math.BigDecimal(Double.toString(k * 100)).stripTrailingZeros().toPlainString()), fmt(v)));
        row(sb, "best ACER", fmt(summary.acer()) + "  (APCER " + fmt(summary.apcer()) + ", BPCER "
                + fmt(summary.bpcer()) + ", threshold " + fmt(summary.acerThreshold()) + ")");
        if (!summary.sourceAuc().isEmpty()) {
            row(sb, "AUC per source", "");
            summary.sourceAuc().forEach((k, v) -> row(sb, "  " + k, fmt(v)));
        }
        return sb.toString();
    }

    private static String fmt(MeanStd v) {
        return v.n() > 1 ? v.format(3) : String.format(Locale.ROOT, "%.3f", v.mean());
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append(String.format(Locale.ROOT, "%-22s %s%n", name, value));
    }

    /** Writes {@code metrics.json}, {@code metrics.txt}, {@code roc.png} and {@code roc.svg} into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Json.write(dir.resolve("metrics.json"), json());
        cyborg.io.AtomicFiles.writeString(dir.resolve("metrics.txt"), table());
        Map<String, RocCurve> curves = new LinkedHashMap<>();
        for (RunMetrics r : runs) {
            String name = Path.of(r.file()).getFileName().toString();
            String label = runs.size() == 1 ? "detector" : name;
            int k = 2;
            while (curves.containsKey(label)) {
                label = name + " (" + k++ + ")";
            }
            curves.put(label, r.roc());
        }
        RocPlot.write(dir.resolve("roc.png"), dir.resolve("roc.svg"), curves);
    }
}
