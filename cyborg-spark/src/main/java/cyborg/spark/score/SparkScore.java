package cyborg.spark.score;

import cyborg.io.IoFaults;
import cyborg.model.ComputeDevice;
import cyborg.score.Score;
import cyborg.score.ScoreFile;
import cyborg.spark.Clusters;
import cyborg.spark.LocalThreads;
import cyborg.util.ProgressBar;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores a collection of images on a Spark cluster (or in-process on local cores): the driver lists
 * the images, each task reads, decodes and scores its share in batches with its executor's copy of
 * the model ({@link ModelPool}), and the driver writes the scores and the errors table into the
 * output folder ({@link ScoreOutputs}).
 */
public final class SparkScore {
    /** At most this many images per task by default, so that progress shows and retries are cheap. */
    static final int IMAGES_PER_TASK = 256;
    private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]");

    private SparkScore() {}

    /**
     * What a job did.
     *
     * @param scored images scored
     * @param errors images in the errors table
     * @param errorsByReason error counts by reason
     * @param files the files written, in the output folder
     * @param partitions tasks the images were split into
     * @param threads PyTorch intra-op threads per JVM (0: PyTorch's default)
     * @param driverLoadMillis the driver's check that the model loads (in a fresh JVM this includes
     *     starting PyTorch; 0 if this JVM had it loaded already)
     * @param modelLoads model instances the tasks loaded (in local mode the first task reuses the
     *     driver's, so local[N] loads at most N - 1 more)
     * @param modelLoadMillis the tasks' model loading time, summed
     * @param scoreMillis wall time of the scoring pass (reading, decoding, scoring; the tasks' model loads included)
     * @param writeMillis wall time of writing the tables
     * @param readMillis the tasks' time reading image files, summed over tasks
     * @param decodeMillis the tasks' time decoding and preprocessing (resize, normalise), summed
     * @param forwardMillis the tasks' time in the network (forward passes, scores, CAMs), summed
     */
    public record Summary(long scored, long errors, Map<String, Long> errorsByReason, List<String> files,
            int partitions, int threads, long driverLoadMillis, long modelLoads, long modelLoadMillis,
            long scoreMillis, long writeMillis, long readMillis, long decodeMillis, long forwardMillis) {
        /**
         * Why the job failed, or null when it did not: a job that scored no image failed unless
         * {@code failOnErrors} is {@code false}; with {@code failOnErrors} {@code true}, any error
         * fails it. The tables are written either way; this is what a scheduler should see
         * ({@code cyborg score} exits 1 when an image fails, too).
         *
         * @param failOnErrors true: any error fails the job; false: none does; null: the default
         */
        public String failure(Boolean failOnErrors) {
            if (errors == 0 || Boolean.FALSE.equals(failOnErrors)) {
                return null;
            }
            String table = files.isEmpty() ? "the errors table" : files.get(files.size() - 1);
            if (scored == 0) {
                return "no image was scored: all " + errors + " failed (each is a row of " + table + ")";
            }
            return Boolean.TRUE.equals(failOnErrors) ? errors + " of " + (scored + errors) + " images failed"
                    + " (--fail-on-errors; each is a row of " + table + ")" : null;
        }
    }

    /** Runs {@code job} in {@code spark}; progress goes to {@code console} (null: silent). */
    public static Summary run(SparkSession spark, ScoreJob job, PrintStream console) throws IOException {
        try (LocalThreads kept = LocalThreads.keep(spark.sparkContext())) {
            return runJob(spark, job, console);
        }
    }

    private static Summary runJob(SparkSession spark, ScoreJob job, PrintStream console) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ScoreSettings settings = job.settings();
        int threads = settings.threads() > 0 ? settings.threads() : threadsPerTask(sc.getConf());
        settings = new ScoreSettings(settings.batch(), settings.cams(),
                settings.cams() && job.format() == ScoreJob.Format.CSV ? ScoreOutputs.camDir(job.out()) : null,
                settings.measures(), threads);
        ScoreOutputs outputs = new ScoreOutputs(spark, job.out(), job.format(), job.mode());
        outputs.refuseStale(settings.camDir() != null);
        // The driver loads the model once first: a missing or broken model fails here with a clear
        // message rather than in every task; in local mode the tasks then reuse that instance.
        List<String> measureColumns;
        long driverLoadMillis;
        // on a cluster the driver may have no GPU: it checks the model on the CPU, the executors run it where asked
        ModelSpec check = Clusters.isLocal(sc.master()) ? job.model() : job.model().onDevice(ComputeDevice.CPU);
        try (ModelPool.Lease lease = ModelPool.borrow(check)) {
            driverLoadMillis = lease.loadNanos() / 1_000_000;
            if (lease.model().model().note() != null) {
                console.println("note: " + lease.model().model().note());
            }
            measureColumns = settings.measures() ? ImageMeasurer.columnNames(lease.model()) : List.of();
        }
        outputs.refuseOtherColumns(scoresSchema(settings, job.format() == ScoreJob.Format.PARQUET, measureColumns));
        String modelId = job.model().id();
        int n = job.images().size();
        int partitions = job.partitions() > 0 ? job.partitions() : defaultPartitions(n, sc.defaultParallelism());
        partitions = Math.min(partitions, n);

        boolean local = Clusters.isLocal(sc.master());
        ModelSpec executorModel = forExecutors(sc, job.model(), job.shipping());
        LongAccumulator loads = sc.sc().longAccumulator("cyborg model loads");
        LongAccumulator loadMillis = sc.sc().longAccumulator("cyborg model load ms");
        StageTimes times = StageTimes.register(sc.sc());
        JavaRDD<ScoredImage> scored = sc.parallelize(job.images(), partitions)
                .mapPartitions(new PartitionScorer(executorModel, settings, loads, loadMillis, times))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long start = System.nanoTime();
        try {
            Progress progress = new Progress(spark, n, partitions, console);
            try {
                scored.count();
            } catch (Exception | Error e) { // Spark's job failure is a checked SparkException, thrown unchecked
                // The tasks write only CAM files: a full disk there fails them (Hadoop's FSError).
                throw outputFault(settings.camDir(), e, true);
            } finally {
                progress.close();
            }
            long scoreMillis = (System.nanoTime() - start) / 1_000_000;
            JavaRDD<ScoredImage> ok = scored.filter(ScoredImage::ok);
            JavaRDD<ScoredImage> bad = scored.filter(s -> !s.ok());
            Map<String, Long> byReason = new TreeMap<>(bad.map(ScoredImage::errorReason).countByValue());
            long errors = byReason.values().stream().mapToLong(Long::longValue).sum();
            long writeStart = System.nanoTime();
            List<String> files;
            try {
                files = outputs.write(ok, bad, settings, measureColumns, modelId);
            } catch (Exception | Error e) {
                throw outputFault(job.out(), e, false);
            }
            return new Summary(n - errors, errors, byReason, files, partitions, threads, driverLoadMillis,
                    loads.value(), loadMillis.value(), scoreMillis, (System.nanoTime() - writeStart) / 1_000_000,
                    times.readNanos().value() / 1_000_000, times.decodeNanos().value() / 1_000_000,
                    times.forwardNanos().value() / 1_000_000);
        } finally {
            scored.unpersist(false);
            if (local) {
                // a local job's process may go on (tests, the command line's JVM)
                ModelPool.release(job.model());
                ModelPool.release(executorModel);
            }
        }
    }

    /**
     * The model as the executors load it: {@code model} itself, or, when {@code shipping} says so,
     * read from its files added to the job ({@code SparkContext.addFile}).
     */
    public static ModelSpec forExecutors(JavaSparkContext sc, ModelSpec model, ScoreJob.Shipping shipping) {
        if (shipping == ScoreJob.Shipping.ALWAYS || shipping == ScoreJob.Shipping.AUTO && !Clusters.isLocal(sc.master())) {
            for (java.nio.file.Path file : model.files()) {
                sc.addFile(file.toAbsolutePath().toString());
            }
            return model.shipped();
        }
        return model;
    }

    /**
     * A failure while writing to {@code location} (null: nothing is written there) as one line naming
     * it when a file-system fault caused it: Hadoop reports a full disk as {@code FSError}, an Error
     * that used to end the command with a stack trace, and Spark wraps a task's in a job failure.
     * Anything else is thrown on as it is.
     */
    static IOException outputFault(String location, Throwable e, boolean writesOnly) {
        Optional<IOException> fault = location == null ? Optional.empty() : IoFaults.inCauses(location, e, writesOnly);
        if (fault.isPresent()) {
            return fault.get();
        }
        if (e instanceof IOException io) {
            return io;
        }
        throw SparkScore.<RuntimeException>rethrow(e);
    }

    /** Throws {@code t} as it is, checked or not (Spark throws its checked SparkException so). */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }

    /** One task per core, and more for large jobs (at most {@value #IMAGES_PER_TASK} images a task). */
    static int defaultPartitions(int images, int cores) {
        return Math.max(1, Math.max(cores, (images + IMAGES_PER_TASK - 1) / IMAGES_PER_TASK));
    }

    /**
     * PyTorch threads per JVM so that the tasks running at once use each core once: on a local
     * master, the machine's cores divided by the task slots ({@code local[2]} on 2 cores: 1 each;
     * {@code local[1]}: 2); on a cluster, {@code spark.task.cpus} (default 1: each task is given
     * one core by the scheduler; raise it with {@code spark.executor.cores} to run fewer, wider tasks).
     */
    public static int threadsPerTask(SparkConf conf) {
        int cores = Runtime.getRuntime().availableProcessors();
        String master = conf.get("spark.master", "");
        int taskCpus = conf.getInt("spark.task.cpus", 1);
        if (!Clusters.isLocal(master)) {
            return Math.max(1, taskCpus);
        }
        return Math.max(1, cores / Math.max(1, localSlots(master, cores) / taskCpus));
    }

    /** Task slots of a local master: {@code local} 1, {@code local[N]} N, {@code local[*]} every core. */
    static int localSlots(String master, int cores) {
        Matcher m = LOCAL.matcher(master.trim());
        if (!m.matches()) {
            return 1;
        }
        return m.group(1).equals("*") ? cores : Math.max(1, Integer.parseInt(m.group(1)));
    }

    /** A progress bar in images, advanced as each scoring task ends. */
    private static final class Progress extends SparkListener implements AutoCloseable {
        private final SparkSession spark;
        private final ProgressBar bar;
        private final long[] sizes;
        private final boolean[] counted;
        private long done;
        private int stage = -1;

        Progress(SparkSession spark, int images, int partitions, PrintStream console) {
            this.spark = spark;
            this.bar = new ProgressBar("scoring", images, "img", console);
            this.sizes = new long[partitions];
            this.counted = new boolean[partitions];
            // parallelize slices a list evenly: partition i holds [i*n/p, (i+1)*n/p)
            for (int i = 0; i < partitions; i++) {
                sizes[i] = (long) (i + 1) * images / partitions - (long) i * images / partitions;
            }
            spark.sparkContext().addSparkListener(this);
        }

        @Override
        public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
            if (stage < 0) {
                stage = end.stageId();
            }
            int index = end.taskInfo().index();
            if (end.stageId() == stage && end.taskInfo().successful() && index < sizes.length && !counted[index]) {
                counted[index] = true;
                done += sizes[index];
                bar.step(sizes[index], null);
            }
        }

        @Override
        public synchronized void close() {
            spark.sparkContext().removeSparkListener(this);
            long total = 0;
            for (long s : sizes) {
                total += s;
            }
            if (done < total) {
                bar.step(total - done, null);
                done = total;
            }
            bar.close();
        }
    }

    /** Scores of {@code cyborg score}'s file from scored images, in listing order. */
    static List<Score> scoreFileRows(List<ScoredImage> ok) {
        List<Score> out = new ArrayList<>(ok.size());
        for (ScoredImage s : ok) {
            out.add(new Score(s.ref().path(), s.score()));
        }
        return out;
    }

    /** The text of {@code cyborg score}'s file for these images. */
    static String scoreFileText(List<ScoredImage> ok) throws IOException {
        return ScoreFile.format(scoreFileRows(ok));
    }

    /** Row builder helper: the schema of the scores table. */
    static StructType scoresSchema(ScoreSettings settings, boolean camBytes, List<String> measureColumns) {
        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField("path", DataTypes.StringType, false),
                DataTypes.createStructField("score", DataTypes.FloatType, false),
                DataTypes.createStructField("label", DataTypes.StringType, true),
                DataTypes.createStructField("predicted", DataTypes.StringType, false),
                DataTypes.createStructField("source", DataTypes.StringType, true),
                DataTypes.createStructField("model_id", DataTypes.StringType, false)));
        if (settings.cams()) {
            fields.add(DataTypes.createStructField("cam_entropy", DataTypes.DoubleType, false));
            fields.add(camBytes ? DataTypes.createStructField("cam_png", DataTypes.BinaryType, false)
                    : DataTypes.createStructField("cam_path", DataTypes.StringType, false));
        }
        for (String c : measureColumns) {
            fields.add(DataTypes.createStructField(c, DataTypes.DoubleType, true));
        }
        return DataTypes.createStructType(fields);
    }

    static Row scoresRow(ScoredImage s, ScoreSettings settings, boolean camBytes, List<String> measureColumns,
            String modelId) {
        List<Object> v = new ArrayList<>(List.of(s.ref().path(), s.score()));
        v.add(s.ref().label());
        v.add(s.predicted());
        v.add(s.ref().source());
        v.add(modelId);
        if (settings.cams()) {
            v.add(s.camEntropy());
            v.add(camBytes ? s.camPng() : s.camPath());
        }
        for (String c : measureColumns) {
            v.add(s.measures() == null ? null : s.measures().get(c));
        }
        return RowFactory.create(v.toArray());
    }

    static StructType errorsSchema() {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField("path", DataTypes.StringType, false),
                DataTypes.createStructField("reason", DataTypes.StringType, false),
                DataTypes.createStructField("message", DataTypes.StringType, false)));
    }

    static Row errorsRow(ScoredImage s) {
        return RowFactory.create(s.ref().path(), s.errorReason(), s.errorMessage());
    }
}
