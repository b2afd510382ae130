package cyborg.demo;

import cyborg.io.AtomicFiles;
import cyborg.io.Json;
import cyborg.metrics.MeanStd;
import cyborg.synth.DecoyTask;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the decoy part measured: per method and seed the test AUC (the square random) and the AUC of
 * the same scores against what the square says; formatted as the report's section and as the
 * {@code decoy} object of {@code results.json}.
 *
 * @param task the task's {@code decoy.json}
 */
public record DecoyOutcome(DecoyConfig config, List<Method> methods, Map<String, Object> task) {

    /** One trained model's two AUCs. */
    record Seed(long seed, double auc, double decoyAuc) {}

    /** One method over its seeds. */
    record Method(DemoMethod method, List<Seed> seeds) {
        MeanStd auc() {
            return MeanStd.of(seeds.stream().mapToDouble(Seed::auc).toArray());
        }

        MeanStd decoyAuc() {
            return MeanStd.of(seeds.stream().mapToDouble(Seed::decoyAuc).toArray());
        }
    }

    public DecoyOutcome {
        methods = List.copyOf(methods);
    }

    private Method find(String name) {
        return methods.stream().filter(m -> m.method().name().equals(name)).findFirst().orElse(null);
    }

    private static double mean(Method m, boolean decoy) {
        return m == null ? Double.NaN : (decoy ? m.decoyAuc() : m.auc()).mean();
    }

    DecoyVerdict verdict() {
        Method ce = find("ce");
        Method ceiling = methods.stream().filter(m -> m.method().reference()).findFirst().orElse(null);
        Method rec = find(config.recommended());
        return new DecoyVerdict(config.recommended(), mean(rec, false), mean(ceiling, false), mean(ce, false),
                mean(ce, true));
    }

    /** The table of the section, also printed at the end of a run. */
    public String table() {
        int n = config.seeds().size();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "| method | test AUC (%d seed%s) | AUC against the"
                + " decoy's label | test AUC per seed | options |%n|---|---|---|---|---|%n", n, n == 1 ? "" : "s"));
        for (Method m : methods) {
            String perSeed = String.join(", ", m.seeds().stream()
                    .map(s -> String.format(Locale.ROOT, "%.3f", s.auc())).toList());
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | `%s` |%n",
                    m.method().reference() ? m.method().name() + " (ceiling)" : m.method().name(), cell(m.auc()),
                    cell(m.decoyAuc()), perSeed, m.method().commandLine(DecoyTask.NO_DECOY_SPLIT)));
        }
        return sb.toString();
    }

    /** Mean ± std over seeds; the mean alone for one seed, which has no spread to show. */
    private static String cell(MeanStd v) {
        return v.n() == 1 ? String.format(Locale.ROOT, "%.3f", v.mean()) : v.format(3);
    }

    /** The verdict's two sentences. */
    public String verdictText() {
        return verdict().sentences();
    }

    /** The report's section (a level-2 heading and what follows). */
    public String section() {
        StringBuilder md = new StringBuilder("## The decoy task (docs/decoy.md)\n\n");
        md.append(String.format(Locale.ROOT, "Task seed %d, %d px, %d + %d training images; training seeds %s; %s.%n%n",
                config.taskSeed(), config.size(), config.trainPerClass(), config.trainPerClass(), config.seeds(),
                String.join(" ", config.training().cliArgs())));
        md.append("No faces here: a shaded blob is `Real`, the same blob with a fine grating is `Synthetic`, and a gray"
                + " square in a corner gives the label by its shade in training (bright: Real, dark: Synthetic) and is"
                + " random in the test split, after Decoy-MNIST. The second AUC column scores the same test images"
                + " against the label their square implies (`decoy-truth.csv`): 0.5 means the square is ignored, 1"
                + " that it is followed. The ceiling trains CE where the square is random in training too.\n\n");
        md.append("**").append(verdictText()).append("**\n\n");
        md.append(table()).append('\n');
        md.append("Reproduce a row by hand: `cyborg train --csv decoy/task/split.csv --images decoy/task/images --maps"
                + " decoy/task/maps --seed S --out DIR ").append(String.join(" ", config.training().cliArgs()))
                .append(" <the options above>` (the ceiling with `--csv decoy/task/").append(DecoyTask.NO_DECOY_SPLIT)
                .append("`), then `cyborg score` and `cyborg evaluate` on `decoy/task/split.csv`;"
                        + " `tools/decoy/run.sh` runs every method of docs/decoy.md.\n");
        return md.toString();
    }

    /** The {@code decoy} object of {@code results.json}. */
    public Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> byMethod = new LinkedHashMap<>();
        for (Method m : methods) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("spec", m.method().loss());
            j.put("extra_args", m.method().extraArgs());
            j.put("training_split", DecoyConfig.splitFile(m.method()));
            j.put("reference", m.method().reference());
            j.put("auc_mean", m.auc().mean());
            j.put("auc_std", m.auc().std());
            j.put("auc_per_seed", m.seeds().stream().map(Seed::auc).toList());
            j.put("decoy_auc_mean", m.decoyAuc().mean());
            j.put("decoy_auc_std", m.decoyAuc().std());
            j.put("decoy_auc_per_seed", m.seeds().stream().map(Seed::decoyAuc).toList());
            byMethod.put(m.method().name(), j);
        }
        root.put("methods", byMethod);
        root.put("seeds", config.seeds());
        root.put("verdict", verdict().json());
        root.put("train_args", config.training().cliArgs());
        root.put("task", task);
        root.put("auc_on", "test split of split.csv (the square's shade random, whatever the label)");
        root.put("decoy_auc_on", "the same scores against " + DecoyTask.DECOY_TRUTH
                + " (each test image labelled by its square's shade): 0.5 = the decoy ignored, 1 = followed");
        return root;
    }

    /**
     * Refuses a folder whose {@code results.json} holds the face demo's results (its {@code losses}),
     * which the decoy part alone would replace by its own: called before any work too, so that the
     * refusal does not come after the training.
     */
    public static void refuseFaceResults(Path dir) throws IOException {
        Path results = dir.resolve("results.json");
        if (Files.exists(results) && Json.read(results, Map.class).containsKey("losses")) {
            throw new IOException(results + " holds the face demo's results, which --task decoy would replace with"
                    + " the decoy part's alone; choose another --out, or run the demo without --task (both tasks"
                    + " reuse their finished runs)");
        }
    }

    /**
     * Writes {@code report.md} and {@code results.json} (with the {@code decoy} object only) into
     * {@code dir}: the decoy part run alone ({@code cyborg demo --task decoy}).
     */
    public void writeAlone(Path dir) throws IOException {
        refuseFaceResults(dir);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("decoy", json());
        Json.write(dir.resolve("results.json"), root);
        AtomicFiles.writeString(dir.resolve("report.md"), "# cyborg demo: the decoy task\n\nThe face benchmark was not"
                + " run (`--task decoy`); `cyborg demo` runs both.\n\n" + section());
    }
}
