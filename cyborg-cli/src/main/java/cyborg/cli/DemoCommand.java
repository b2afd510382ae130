package cyborg.cli;

import cyborg.demo.DecoyConfig;
import cyborg.demo.DecoyDemo;
import cyborg.demo.DecoyOutcome;
import cyborg.demo.Demo;
import cyborg.demo.DemoConfig;
import cyborg.demo.DemoMethod;
import cyborg.demo.DemoTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code cyborg demo}: the main job, end to end on the embedded benchmark. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Show on the embedded open-set benchmark whether human-saliency guidance generalises better.",
            "",
            "Generates the benchmark (or reuses it) and trains, with one seed each (--seeds N for more): ce (cross-entropy),"
                + " cyborg (the CYBORG paper's loss), cyborg+cf (the recommended CYBORG with counterexamples),"
                + " ceiling (the reference, not a method: cross-entropy trained where the mark carries no label,"
                + " split-ceiling.csv). --all adds focus, contrast, counterfactual, rrr and ce-4x (cross-entropy with 4x the"
                + " training data at the same shortcut rate, split-4x.csv: the CYBORG paper's data row, as long to train"
                + " as the four default rows together)."
                + " Scores the open set (generator families never seen in training) with the shortcut uncorrelated"
                + " and reversed; the headline AUC pools the authentic images with the families whose mechanism"
                + " training shows, the all-families AUC and the unseen authentic styles (split-styles.csv, when the"
                + " benchmark has it) are their own columns. Reports each run's validation AUC, each model's reliance"
                + " on the shortcut (score change when only the mark is added) and where its CAM lies (mass on the"
                + " human map, MSE, entropy), and writes a report that states every target, met or missed, with its"
                + " numbers. Rerunning reuses the benchmark and finished runs and resumes interrupted ones.",
            "",
            "Writes into --out: results.json (config.recommended_loss and config.recommended_args give the"
                + " cyborg train options the README recommends), report.md, roc-<method>.png/svg,"
                + " average-cams.png, average-input-gradients.png, cam-examples.png, benchmark/ and runs/<method>/run-<seed>/.",
            "",
            "The decoy task (docs/decoy.md) follows as a second section of the report: CE, the recommended"
                + " method and the no-decoy ceiling, one seed each, in --out/decoy/ (--task decoy: that part alone,"
                + " three seeds; --quick skips it unless --task decoy).",
            "",
            "Examples:",
            "  cyborg demo                       (4 rows x 1 seed, then the decoy part)",
            "  cyborg demo --seeds 3             (4 rows x 3 seeds: the spread a claim between rows needs)",
            "  cyborg demo --quick --out demo-q  (1 seed of ce, cyborg+cf, ceiling; no decoy part)",
            "  cyborg demo --all                 (adds focus, contrast, counterfactual, rrr, ce-4x)",
            "  cyborg demo --with ce-4x          (adds only CE with 4x the data, the paper's data row)",
            "  cyborg demo --benchmark-seed 11   (another draw of the benchmark)",
            "  cyborg demo --task decoy --out demo-decoy   (the decoy task alone, 3 seeds)"
        })
final class DemoCommand implements Callable<Integer> {
    /** The task ids, for the help's ${COMPLETION-CANDIDATES}. */
    static final class TaskIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(DemoTask.values()).map(DemoTask::id).iterator();
        }
    }

    /** The demo's row names, for the help's ${COMPLETION-CANDIDATES}. */
    static final class RowNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return DemoConfig.allMethods().stream().map(DemoMethod::name).iterator();
        }
    }

    /** Parses --task through the enum, so the error lists the tasks. */
    static final class TaskConverter implements CommandLine.ITypeConverter<DemoTask> {
        @Override
        public DemoTask convert(String value) {
            try {
                return DemoTask.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DeviceOptions device = new DeviceOptions();

    @Writes
    @Option(names = "--out", defaultValue = "demo-out", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick", description = "One seed, fewer epochs, and only ce, cyborg+cf and ceiling.")
    boolean quick;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Training seeds per row, 1..N (default: " + DemoConfig.DEFAULT_SEEDS + ")."
                    + " Three show the spread between seeds, in three times the time.")
    Integer seeds;

    @Option(names = "--all", description = "Every row: also focus, contrast, counterfactual, rrr and ce-4x.")
    boolean all;

    @Option(names = "--benchmark-seed", defaultValue = "1",
            description = "Seed of the generated benchmark (default: ${DEFAULT-VALUE}).")
    long benchmarkSeed;

    @Option(names = "--with", split = ",", paramLabel = "ROW", completionCandidates = RowNames.class,
            description = "Also train these rows, comma-separated, besides the default (or --quick) ones:"
                    + " ${COMPLETION-CANDIDATES}. E.g. --with ce-4x for the paper's data row alone.")
    List<String> with = new ArrayList<>();

    @Option(names = "--with-rrr",
            description = "Also train the input-gradient penalty (--loss rrr), the same as --with rrr; its"
                    + " double backpropagation trains about four times slower than cross-entropy.")
    boolean withRrr;

    @Option(names = "--task", defaultValue = "both", paramLabel = "TASK", completionCandidates = TaskIds.class,
            converter = TaskConverter.class,
            description = "Which tasks: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DemoTask task;

    @Override
    public Integer call() throws Exception {
        Set<String> rows = new LinkedHashSet<>();
        with.forEach(name -> rows.add(name.trim()));
        if (withRrr) {
            rows.add(DemoConfig.RRR.name());
        }
        DemoConfig faces = DemoConfig.defaults(out, quick, benchmarkSeed, all, rows);
        if (seeds != null) {
            faces = faces.withSeeds(seeds);
        }
        DecoyConfig decoy = task.decoyPart(faces, quick);
        if (!task.runsFaces()) {
            for (String option : List.of("--benchmark-seed", "--with-rrr", "--with", "--all")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new IllegalArgumentException(option + " does not apply to --task " + task.id());
                }
            }
            DecoyOutcome.refuseFaceResults(out);
            DecoyOutcome outcome = new DecoyDemo(decoy, System.out).on(device.device).run();
            outcome.writeAlone(out);
            System.out.println();
            System.out.print(outcome.table());
            System.out.println(outcome.verdictText());
            System.out.printf("report: %s, results: %s%n", out.resolve("report.md"), out.resolve("results.json"));
            return 0;
        }
        String table = new Demo(faces, System.out).on(device.device).withDecoy(decoy).run();
        System.out.println();
        System.out.print(table);
        System.out.printf("report: %s, results: %s%n", out.resolve("report.md"), out.resolve("results.json"));
        return 0;
    }
}
