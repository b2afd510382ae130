package cyborg.cli;

import cyborg.model.ComputeDevice;
import cyborg.spark.sweep.Grid;
import cyborg.spark.sweep.Sweep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code cyborg sweep}: an experiment grid, one training run per Spark task, then the results table. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run an experiment grid (data sets x architectures x losses x seeds) on Spark, one training run per task,"
                + " then score and evaluate every run on the open set and write the results table.",
            "",
            "Each run is 'cyborg train' in its own JVM (PyTorch allows one training per JVM) on the cores its task may"
                + " use (--cores-per-run), into DIR/runs/<dataset>-<arch>-<loss>-s<seed>/, followed by scoring the"
                + " data set's test split (the open set), its metrics, and the Explain-to-Me measures on some of its"
                + " images. A run is finished when its folder holds result.json: rerunning the same command (after a"
                + " kill, a failure or Ctrl-C) keeps finished runs, never retraining them, and resumes interrupted"
                + " trainings from their last completed epoch. Each training runs in a process group of its own:"
                + " SIGTERM or Ctrl-C to the sweep sends SIGTERM to every training's group and SIGKILL to what is left"
                + " after 10 s; a training JVM's crash report goes into its run folder.",
            "",
            "Grid file (JSON; relative paths are against its folder; 'train' and a loss's 'args' take any cyborg"
                + " train option except those the sweep sets: --out --resume --seed --runs --arch --loss --csv"
                + " --images --folder --maps):",
            "  {\"datasets\": [{\"name\": \"bench\", \"synth\": {\"seed\": 1, \"size\": 64}},",
            "                {\"name\": \"faces\", \"csv\": \"data/split.csv\", \"images\": \"data\", \"maps\": \"maps\"},",
            "                {\"name\": \"mine\", \"folder\": \"my-faces\"}],",
            "   \"archs\": [\"smallresnet\"],",
            "   \"losses\": [\"ce\", {\"name\": \"cyborg+cf\", \"loss\": \"ce:0.5,cyborg:0.5\","
                + " \"args\": [\"--counterfactual\", \"0.5\"]}],",
            "   \"seeds\": [1, 2, 3],",
            "   \"train\": [\"--size\", \"64\", \"--epochs\", \"6\", \"--optimizer\", \"adam\", \"--lr\", \"0.001\"],",
            "   \"explain\": {\"images\": 32, \"method\": \"cam\"}}",
            "A synth data set is the embedded benchmark (cyborg synth's options in snake case: seed, size,"
                + " train_per_class, val_per_class, test_per_source, shortcut_rate, test_shortcut_rate), generated"
                + " once into DIR/data/<name>. Optional: cores_per_run, heap_per_run, select.",
            "",
            "Writes DIR/results.md, results.json and results.csv, and prints: per (data set, architecture, loss) the"
                + " validation AUC, open-set AUC and CAM entropy as mean +- std over seeds (population std); the AUC"
                + " per source and generator; the Explain-to-Me group measures (map entropy, noise, equivariance,"
                + " deletion/insertion, stability across seeds); and the model selected by --select.",
            "",
            "Selection (--select): val-auc (highest validation AUC), stability (highest mean map similarity to the"
                + " other seeds of its group), entropy (lowest CAM entropy on the open set, label-free), or"
                + " blend[:val-auc=W,stability=W,entropy=W] (weighted mean of the three scaled to [0,1]).",
            "",
            "Examples:",
            "  cyborg sweep --grid examples/sweep-tiny.json --out sweep-tiny       (about a minute on 2 cores)",
            "  cyborg sweep --grid examples/sweep-demo.json --out sweep-demo --select blend:val-auc=0.5,stability=0.5",
            "  cyborg sweep --grid grid.json --out sweep --master spark://host:7077 --cores-per-run 4"
        })
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--grid", required = true, paramLabel = "GRID.json", description = "The experiment grid (see above).")
    Path grid;

    @Writes
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Sweep folder: data/, runs/, results.*. Rerun with the same folder to continue.")
    Path out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark-submit's, else local[*]: every core of this machine).")
    String master;

    @Option(names = "--cores-per-run", paramLabel = "N",
            description = "Cores each run may use (spark.task.cpus; PyTorch's threads). Default: the grid's"
                    + " cores_per_run, else 1.")
    Integer coresPerRun;

    @Option(names = "--heap-per-run", paramLabel = "SIZE",
            description = "Maximum heap of each training JVM (default: the grid's heap_per_run, else 2g).")
    String heapPerRun;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu",
            description = "Where each run trains: the CPU (default) or a GPU, the task's own when Spark schedules"
                    + " GPUs (--conf spark.task.resource.gpu.amount=1 and the executors' GPU resources: its training"
                    + " JVM sees only that GPU), else the first. Evaluation stays on the CPU. Not run on a GPU here.")
    ComputeDevice device;

    @Option(names = "--select", paramLabel = "CRITERION",
            description = "val-auc, stability, entropy or blend[:val-auc=W,stability=W,entropy=W] (default: the"
                    + " grid's select, else val-auc).")
    String select;

    @Override
    public Integer call() throws Exception {
        Grid g = Grid.read(grid);
        checkTrainOptions(g);
        // each run trains in a JVM of its own running this tool: the sweep is told so, never names it
        Sweep.Settings settings = Sweep.Settings.of(g, out, master, coresPerRun, heapPerRun, select,
                CyborgCommand.class).onDevice(device);
        Sweep.Summary s = new Sweep(g, settings, System.out).run();
        System.out.println();
        System.out.print(s.table().console());
        System.out.printf("%d runs: %d kept from before, %d run now, %d failed; results: %s, %s, %s%n", s.total(),
                s.kept(), s.trained(), s.failed().size(), out.resolve("results.md"), out.resolve("results.json"),
                out.resolve("results.csv"));
        if (!s.failed().isEmpty()) {
            System.err.println("error: " + s.failed().size() + " run(s) failed (their train.log is in "
                    + out.resolve("runs") + "); rerun the same command to retry them");
            return 1;
        }
        return 0;
    }

    /** Each option list of the grid must parse as cyborg train options, checked before any run starts. */
    private void checkTrainOptions(Grid g) {
        for (Map.Entry<String, List<String>> e : g.optionLists().entrySet()) {
            List<String> args = new java.util.ArrayList<>(e.getValue());
            args.addAll(List.of("--out", "x"));
            try {
                new CommandLine(new TrainCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                        .parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException ex) {
                throw new IllegalArgumentException(g.file() + ": " + e.getKey() + " is not a list of cyborg train"
                        + " options: " + ex.getMessage());
            }
        }
    }
}
