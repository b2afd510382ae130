package cyborg.spark.sweep;

import cyborg.data.Sample;
import cyborg.model.ComputeDevice;
import cyborg.spark.Clusters;
import cyborg.spark.LocalThreads;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a grid on Spark: generates the synth data sets, plans the runs (a run whose folder holds a
 * valid {@code result.json} is kept, never retrained), runs the others one per task, each told
 * how many cores it may use ({@code spark.task.cpus}), then writes the results table. Rerunning
 * the same command continues a killed sweep: interrupted trainings resume from their last
 * completed epoch.
 */
public final class Sweep {
    /**
     * @param out the sweep folder
     * @param master the Spark master, or null (spark-submit's, else every local core)
     * @param coresPerRun cores each run may use
     * @param heap the training JVMs' maximum heap
     * @param selection how to select the model
     * @param trainMain the main class each run's JVM starts with {@code train <options>}: the
     *     command-line tool's, given by the tool (this module does not depend on it)
     */
    public record Settings(Path out, String master, int coresPerRun, String heap, ModelSelection selection,
            String trainMain, ComputeDevice device) {
        public Settings {
            device = device == null ? ComputeDevice.CPU : device;
        }

        /** The same settings, the runs training on {@code d} (a GPU: the task's own when Spark schedules GPUs). */
        public Settings onDevice(ComputeDevice d) {
            return new Settings(out, master, coresPerRun, heap, selection, trainMain, d);
        }

        /**
         * The settings of a sweep of {@code grid}: each of {@code cores}, {@code heap} and
         * {@code select} as given (null: not given), else the grid's, else 1 core, 2g and val-auc.
         *
         * @param trainMain the class whose {@code main} runs {@code train <options>} in a run's JVM
         */
        public static Settings of(Grid grid, Path out, String master, Integer cores, String heap, String select,
                Class<?> trainMain) {
            try {
                trainMain.getMethod("main", String[].class);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(trainMain.getName() + " has no main method to train with");
            }
            int c = firstGiven(cores, grid.coresPerRun(), 1);
            if (c < 1) {
                throw new IllegalArgumentException("--cores-per-run must be at least 1, got " + c);
            }
            String h = firstGiven(heap, grid.heapPerRun(), "2g");
            if (!h.matches("[0-9]+[kKmMgG]?")) {
                throw new IllegalArgumentException("--heap-per-run must be a Java heap size such as 2g, not '" + h + "'");
            }
            return new Settings(out, master, c, h, ModelSelection.parse(firstGiven(select, grid.select(), "val-auc")),
                    trainMain.getName(), ComputeDevice.CPU);
        }

        private static <T> T firstGiven(T option, T fromGrid, T fallback) {
            return option != null ? option : fromGrid != null ? fromGrid : fallback;
        }
    }

    /** What the sweep did. */
    public record Summary(int total, int kept, int trained, List<String> failed, SweepTable table) {}

    private final Grid grid;
    private final Settings settings;
    private final PrintStream console;

    public Sweep(Grid grid, Settings settings, PrintStream console) {
        this.grid = grid;
        this.settings = settings;
        this.console = console;
    }

    public Summary run() throws IOException {
        requireCores(settings.master());
        Path out = settings.out().toAbsolutePath().normalize();
        Files.createDirectories(out.resolve("runs"));
        // one sweep per folder at a time: two would train the same runs into the same folders
        Path lockFile = out.resolve(".sweep.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("another cyborg sweep is running in " + out + " (it holds " + lockFile
                        + "); wait for it to end or stop it, then rerun");
            }
            return locked(out);
        }
    }

    private Summary locked(Path out) throws IOException {
        Map<String, DataSet> data = new LinkedHashMap<>();
        for (DataSet d : grid.datasets()) {
            DataSet p = d.prepared(out, console);
            requireSplits(p);
            data.put(d.name(), p);
        }
        List<RunSpec> runs = grid.runs();
        List<RunTask> todo = new ArrayList<>();
        int kept = 0;
        for (RunSpec r : runs) {
            Path dir = RunTask.runDir(out, r.id());
            RunResult done = RunResult.read(dir);
            if (done != null) {
                StartedWith.requireSame(done.args, r, dir.resolve(RunResult.FILE));
                kept++;
            } else {
                StartedWith.requireSame(StartedWith.read(dir), r, dir.resolve(StartedWith.FILE));
                todo.add(new RunTask(r, data.get(r.dataset()), out.toString(), grid.explain(), settings.coresPerRun(),
                        settings.heap(), settings.trainMain(), settings.device()));
            }
        }
        console.printf("== %d runs: %d finished and kept, %d to run (%d core%s each)%n", runs.size(), kept,
                todo.size(), settings.coresPerRun(), settings.coresPerRun() == 1 ? "" : "s");
        List<String> failed = new ArrayList<>();
        int trained = 0;
        if (!todo.isEmpty()) {
            for (RunTask.Outcome o : execute(todo)) {
                if (o.error() != null) {
                    failed.add(o.id() + ": " + o.error());
                    console.println("== " + o.id() + " failed: " + o.error());
                } else if (o.trained()) {
                    trained++;
                }
            }
        }
        List<RunResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RunSpec r : runs) {
            RunResult res = RunResult.read(RunTask.runDir(out, r.id()));
            if (res != null) {
                results.add(res);
            } else if (failed.stream().noneMatch(f -> f.startsWith(r.id() + ": "))) {
                missing.add(r.id() + ": no result");
            }
        }
        missing.addAll(0, failed.stream().map(f -> f.lines().findFirst().orElse(f)).toList());
        SweepTable table = new SweepTable(grid, results, missing, settings.selection());
        table.write(out);
        return new Summary(runs.size(), kept, trained, failed, table);
    }

    private List<RunTask.Outcome> execute(List<RunTask> todo) throws IOException {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.task.cpus", Integer.toString(settings.coresPerRun()));
        // a failed run is reported by its task, not retried by Spark: its log says why
        conf.put("spark.task.maxFailures", "1");
        String master = settings.master();
        try (SparkSession spark = Clusters.start("cyborg sweep", master, conf)) {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            console.printf("== Spark master %s: %d run%s at a time%n", sc.master(),
                    Math.max(1, sc.defaultParallelism() / settings.coresPerRun()), "s");
            try (LocalThreads kept = LocalThreads.keep(spark.sparkContext())) {
                return sc.parallelize(todo, todo.size()).map(RunTask::execute).collect();
            }
        }
    }

    /** A local master must offer at least one run's cores, or Spark would wait for ever. */
    private void requireCores(String given) {
        // spark-submit passes its master as the system property SparkConf reads
        String master = given != null ? given : System.getProperty("spark.master", Clusters.DEFAULT_MASTER);
        Matcher m = Pattern.compile("local\\[(\\d+)(,\\d+)?]").matcher(master.toLowerCase(Locale.ROOT));
        if (m.matches() && Integer.parseInt(m.group(1)) < settings.coresPerRun()) {
            throw new IllegalArgumentException("--master " + master + " has fewer cores than --cores-per-run "
                    + settings.coresPerRun() + "; lower --cores-per-run or raise the master's cores");
        }
        if (master.replace(" ", "").toLowerCase(Locale.ROOT).startsWith("local[*")
                && Runtime.getRuntime().availableProcessors() < settings.coresPerRun()) {
            throw new IllegalArgumentException("--master " + master + " has " + Runtime.getRuntime().availableProcessors()
                    + " cores here, fewer than --cores-per-run " + settings.coresPerRun() + "; lower --cores-per-run");
        }
        if (master.equalsIgnoreCase("local") && settings.coresPerRun() > 1) {
            throw new IllegalArgumentException("--master local has one core; --cores-per-run "
                    + settings.coresPerRun() + " needs local[" + settings.coresPerRun() + "] or more");
        }
    }

    private static void requireSplits(DataSet d) throws IOException {
        List<Sample> all = d.read();
        for (String split : List.of("train", "test")) {
            if (all.stream().noneMatch(s -> s.split().equals(split))) {
                throw new IOException(d.where() + " (data set '" + d.name() + "'): no '" + split + "' rows; a sweep"
                        + " trains on 'train' (validating on 'val', else 'test') and evaluates on the 'test' split,"
                        + " the open set");
            }
        }
    }
}
