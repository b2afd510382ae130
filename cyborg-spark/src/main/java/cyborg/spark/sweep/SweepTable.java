package cyborg.spark.sweep;

import cyborg.io.AtomicFiles;
import cyborg.io.Json;
import cyborg.metrics.MeanStd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The results of a sweep in the papers' form: per (data set, architecture, loss) the mean ±
 * standard deviation over seeds (population std, {@link MeanStd}) of the validation and open-set
 * AUC and of the CAM entropy; the open-set AUC per source and generator; the Explain-to-Me group
 * measures (means over the group's runs, stability across its seeds); and the selected model.
 * Written as {@code results.md}, {@code results.json} and {@code results.csv}.
 */
public final class SweepTable {
    /** One (data set, architecture, loss) group and its finished runs, in grid order. */
    public record Group(String dataset, String arch, String loss, String lossSpec, List<RunResult> runs,
            ExplainMeasures.Cohesion stability) {
        MeanStd of(ToDoubleFunction<RunResult> f) {
            double[] v = runs.stream().mapToDouble(f).filter(Double::isFinite).toArray();
            return v.length == 0 ? null : MeanStd.of(v);
        }
    }

    private final List<Group> groups;
    private final List<RunResult> runs;
    private final Map<String, Double> runStability;
    private final ModelSelection.Selection selection;
    private final List<String> missing;
    private final Grid grid;

    /**
     * @param grid the grid (its order and settings)
     * @param results the finished runs' results, any order
     * @param missing ids of runs without a result (failed or not run), with why
     * @param selection how to select a model
     */
    public SweepTable(Grid grid, List<RunResult> results, List<String> missing, ModelSelection selection) {
        this.grid = grid;
        Map<String, RunResult> byId = new LinkedHashMap<>();
        results.forEach(r -> byId.put(r.id, r));
        this.runs = new ArrayList<>();
        this.groups = new ArrayList<>();
        this.runStability = new LinkedHashMap<>();
        Map<String, List<RunResult>> byGroup = new LinkedHashMap<>();
        Map<String, RunSpec> firstOf = new LinkedHashMap<>();
        for (RunSpec s : grid.runs()) {
            RunResult r = byId.get(s.id());
            firstOf.putIfAbsent(s.group(), s);
            List<RunResult> list = byGroup.computeIfAbsent(s.group(), k -> new ArrayList<>());
            if (r != null) {
                list.add(r);
                runs.add(r);
            }
        }
        for (Map.Entry<String, List<RunResult>> e : byGroup.entrySet()) {
            RunSpec s = firstOf.get(e.getKey());
            List<RunResult> rs = e.getValue();
            if (rs.isEmpty()) {
                continue;
            }
            groups.add(new Group(s.dataset(), s.arch(), s.loss(), s.lossSpec(), List.copyOf(rs),
                    ExplainMeasures.stability(rs)));
            for (RunResult r : rs) {
                List<Double> pairs = new ArrayList<>();
                for (RunResult o : rs) {
                    if (o != r) {
                        ExplainMeasures.Cohesion c = ExplainMeasures.stability(List.of(r, o));
                        if (c != null && Double.isFinite(c.mean())) {
                            pairs.add(c.mean());
                        }
                    }
                }
                runStability.put(r.id, pairs.isEmpty() ? Double.NaN
                        : pairs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
            }
        }
        this.missing = List.copyOf(missing);
        this.selection = selection.select(runs, runStability);
    }

    public List<Group> groups() { return groups; }
    public ModelSelection.Selection selection() { return selection; }
    /** Each run's cross-seed consistency (what {@code stability} selects on), by id. */
    public Map<String, Double> runStability() { return runStability; }

    private static String fmt(MeanStd m) {
        return m == null ? "–" : m.n() == 1 ? String.format(Locale.ROOT, "%.3f", m.mean()) : m.format(3);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "–";
    }

    /** The main table: AUC per (data set, architecture, loss), mean ± std over seeds. */
    public String aucTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| data set | architecture | loss | seeds | validation AUC | open-set AUC | CAM entropy |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Group g : groups) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s |%n", g.dataset(), g.arch(),
                    g.loss(), g.runs().size(), fmt(g.of(r -> r.valAuc)), fmt(g.of(r -> r.openAuc)),
                    fmt(g.of(r -> r.camEntropy))));
        }
        return sb.toString();
    }

    /** Open-set AUC per source / generator, one table per data set. */
    public String sourceTables() {
        StringBuilder sb = new StringBuilder();
        for (String ds : groups.stream().map(Group::dataset).distinct().toList()) {
            List<Group> gs = groups.stream().filter(g -> g.dataset().equals(ds)).toList();
            TreeSet<String> sources = new TreeSet<>();
            gs.forEach(g -> g.runs().forEach(r -> sources.addAll(r.perSource.keySet())));
            sb.append("**").append(ds).append("**\n\n| architecture | loss |");
            sources.forEach(s -> sb.append(' ').append(s).append(" |"));
            sb.append("\n|---|---|").append("---|".repeat(sources.size())).append('\n');
            for (Group g : gs) {
                sb.append("| ").append(g.arch()).append(" | ").append(g.loss()).append(" |");
                for (String s : sources) {
                    sb.append(' ').append(fmt(g.of(r -> r.perSource.getOrDefault(s, Double.NaN)))).append(" |");
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The Explain-to-Me group measures, or an empty string when no run was explained. */
    public String explainTable() {
        if (groups.stream().allMatch(g -> g.runs().stream().allMatch(r -> r.explain == null))) {
            return "";
        }
        StringBuilder sb = new StringBuilder("| data set | architecture | loss |");
        ExplainMeasures.COLUMNS.forEach(c -> sb.append(' ').append(c[1]).append(" |"));
        sb.append(" stability across seeds (d) |\n|---|---|---|").append("---|".repeat(ExplainMeasures.COLUMNS.size()))
                .append("---|\n");
        for (Group g : groups) {
            sb.append("| ").append(g.dataset()).append(" | ").append(g.arch()).append(" | ").append(g.loss()).append(" |");
            for (String[] c : ExplainMeasures.COLUMNS) {
                sb.append(' ').append(fmt(g.of(r -> r.explain == null ? Double.NaN
                        : r.explain.getOrDefault(c[0], Double.NaN)))).append(" |");
            }
            ExplainMeasures.Cohesion st = g.stability();
            sb.append(' ').append(st == null ? "– (one seed)" : num(st.mean()) + " " + st.measure().toUpperCase(Locale.ROOT)
                    .replace("PEARSON", "Pearson")).append(" |\n");
        }
        return sb.toString();
    }

    /** The selected model, its values and the runners-up. */
    public String selectionText() {
        StringBuilder sb = new StringBuilder();
        sb.append("criterion: ").append(selection.criterion()).append('\n');
        if (selection.selected() == null) {
            sb.append("no model selected: ").append(selection.note()).append('\n');
            return sb.toString();
        }
        RunResult best = runs.stream().filter(r -> r.id.equals(selection.selected())).findFirst().orElseThrow();
        ModelSelection.Ranked top = selection.ranking().get(0);
        sb.append(String.format(Locale.ROOT, "selected: %s (validation AUC %s, cross-seed stability %s, CAM entropy %s;"
                + " open-set AUC %s, reported, not used to select)%n", best.id, num(top.values().get("val-auc")),
                num(top.values().get("stability")), num(top.values().get("entropy")), num(best.openAuc)));
        sb.append("model: runs/").append(best.id).append('\n');
        if (selection.note() != null) {
            sb.append("note: ").append(selection.note()).append('\n');
        }
        return sb.toString();
    }

    /** What the command prints. */
    public String console() {
        StringBuilder sb = new StringBuilder(aucTable()).append('\n');
        sb.append("Open-set AUC per source / generator:\n").append(sourceTables());
        String ex = explainTable();
        if (!ex.isEmpty()) {
            sb.append(ex).append('\n');
        }
        sb.append(selectionText());
        if (!missing.isEmpty()) {
            sb.append("missing: ").append(missing.size()).append(" run(s) without a result: ")
                    .append(String.join("; ", missing)).append('\n');
        }
        return sb.toString();
    }

    /** Writes {@code results.md}, {@code results.json} and {@code results.csv} into {@code out}. */
    public void write(Path out) throws IOException {
        AtomicFiles.writeString(out.resolve("results.md"), markdown());
        Json.write(out.resolve("results.json"), json());
        AtomicFiles.writeString(out.resolve("results.csv"), csv());
    }

    String markdown() {
        StringBuilder sb = new StringBuilder("# Sweep results\n\n");
        sb.append("Grid: `").append(grid.file()).append("`; ").append(runs.size()).append(" of ")
                .append(grid.runs().size()).append(" runs finished. Mean ± standard deviation (population) over seeds.")
                .append(" The open set is each data set's test split.\n\n");
        sb.append("## AUC per (architecture, loss)\n\n").append(aucTable()).append('\n');
        sb.append("## Open-set AUC per source / generator\n\n").append(sourceTables());
        String ex = explainTable();
        if (!ex.isEmpty()) {
            sb.append("## Explain-to-Me group measures\n\n").append(String.format(Locale.ROOT,
                    "Over %d open-set images per run, %s maps; (a) normalised Shannon entropy of the map, (b) map SSIM"
                    + " to the clean map under 10 %% salt and pepper, (c) map of the transformed image against the"
                    + " transformed map, (e) areas under the deletion and insertion curves and the score change when"
                    + " the salient region is blurred, (d) SSIM (Pearson for maps under 7x7) between the maps of the"
                    + " same image for every pair of seeds.%n%n", grid.explain().images(), grid.explain().method()))
                    .append(ex).append('\n');
        }
        sb.append("## Selected model\n\n```\n").append(selectionText()).append("```\n\n");
        if (selection.ranking().size() > 1) {
            sb.append("| rank | run | score | validation AUC | stability | CAM entropy |\n|---|---|---|---|---|---|\n");
            List<ModelSelection.Ranked> ranking = selection.ranking();
            for (int i = 0; i < Math.min(10, ranking.size()); i++) {
                ModelSelection.Ranked r = ranking.get(i);
                sb.append(String.format(Locale.ROOT, "| %d | %s | %.4f | %s | %s | %s |%n", i + 1, r.id(), r.score(),
                        num(r.values().get("val-auc")), num(r.values().get("stability")),
                        num(r.values().get("entropy"))));
            }
            sb.append('\n');
        }
        if (!missing.isEmpty()) {
            sb.append("## Missing runs\n\n");
            missing.forEach(m -> sb.append("- ").append(m.replace("\n", " ")).append('\n'));
        }
        return sb.toString();
    }

    private Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("grid", grid.file().toString());
        root.put("runs_total", grid.runs().size());
        root.put("runs_finished", runs.size());
        List<Object> gs = new ArrayList<>();
        for (Group g : groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dataset", g.dataset());
            m.put("arch", g.arch());
            m.put("loss", g.loss());
            m.put("loss_spec", g.lossSpec());
            m.put("seeds", g.runs().stream().map(r -> r.seed).toList());
            m.put("val_auc", ms(g.of(r -> r.valAuc)));
            m.put("open_auc", ms(g.of(r -> r.openAuc)));
            m.put("cam_entropy", ms(g.of(r -> r.camEntropy)));
            Map<String, Object> ps = new LinkedHashMap<>();
            new TreeSet<>(g.runs().get(0).perSource.keySet()).forEach(s ->
                    ps.put(s, ms(g.of(r -> r.perSource.getOrDefault(s, Double.NaN)))));
            m.put("per_source", ps);
            if (g.runs().stream().anyMatch(r -> r.explain != null)) {
                Map<String, Object> ex = new LinkedHashMap<>();
                for (String key : g.runs().stream().filter(r -> r.explain != null).findFirst().orElseThrow()
                        .explain.keySet()) {
                    ex.put(key, ms(g.of(r -> r.explain == null ? Double.NaN : r.explain.getOrDefault(key, Double.NaN))));
                }
                if (g.stability() != null) {
                    ex.put("stability", Map.of("measure", g.stability().measure(), "mean", g.stability().mean(),
                            "pairs", g.stability().pairs()));
                }
                m.put("explain", ex);
            }
            m.put("runs", g.runs().stream().map(r -> r.id).toList());
            gs.add(m);
        }
        root.put("groups", gs);
        List<Object> rs = new ArrayList<>();
        for (RunResult r : runs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id);
            m.put("dataset", r.dataset);
            m.put("arch", r.arch);
            m.put("loss", r.loss);
            m.put("seed", r.seed);
            m.put("val_auc", r.valAuc);
            m.put("open_auc", r.openAuc);
            m.put("cam_entropy", r.camEntropy);
            m.put("stability", runStability.getOrDefault(r.id, Double.NaN));
            m.put("per_source", r.perSource);
            m.put("explain", r.explain);
            m.put("folder", "runs/" + r.id);
            rs.add(m);
        }
        root.put("runs", rs);
        Map<String, Object> sel = new LinkedHashMap<>();
        sel.put("criterion", selection.criterion());
        sel.put("selected", selection.selected());
        sel.put("note", selection.note());
        sel.put("ranking", selection.ranking());
        root.put("selection", sel);
        root.put("missing", missing);
        return root;
    }

    private static Map<String, Object> ms(MeanStd m) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (m != null) {
            out.put("mean", m.mean());
            out.put("std", m.std());
            out.put("n", m.n());
        }
        return out;
    }

    String csv() {
        TreeSet<String> sources = new TreeSet<>();
        groups.forEach(g -> g.runs().forEach(r -> sources.addAll(r.perSource.keySet())));
        List<String> head = new ArrayList<>(List.of("dataset", "arch", "loss", "seeds", "val_auc_mean", "val_auc_std",
                "open_auc_mean", "open_auc_std", "cam_entropy_mean", "cam_entropy_std"));
        ExplainMeasures.COLUMNS.forEach(c -> head.addAll(List.of(c[0] + "_mean", c[0] + "_std")));
        head.addAll(List.of("stability_measure", "stability"));
        sources.forEach(s -> head.addAll(List.of("auc_" + s + "_mean", "auc_" + s + "_std")));
        StringBuilder sb = new StringBuilder(String.join(",", head)).append('\n');
        for (Group g : groups) {
            List<String> row = new ArrayList<>(List.of(g.dataset(), g.arch(), g.loss(),
                    Integer.toString(g.runs().size())));
            add(row, g.of(r -> r.valAuc));
            add(row, g.of(r -> r.openAuc));
            add(row, g.of(r -> r.camEntropy));
            for (String[] c : ExplainMeasures.COLUMNS) {
                add(row, g.of(r -> r.explain == null ? Double.NaN : r.explain.getOrDefault(c[0], Double.NaN)));
            }
            row.add(g.stability() == null ? "" : g.stability().measure());
            row.add(g.stability() == null ? "" : Double.toString(g.stability().mean()));
            for (String s : sources) {
                add(row, g.of(r -> r.perSource.getOrDefault(s, Double.NaN)));
            }
            sb.append(String.join(",", row.stream().map(SweepTable::csvCell).toList())).append('\n');
        }
        return sb.toString();
    }

    private static void add(List<String> row, MeanStd m) {
        row.add(m == null ? "" : Double.toString(m.mean()));
        row.add(m == null ? "" : Double.toString(m.std()));
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
