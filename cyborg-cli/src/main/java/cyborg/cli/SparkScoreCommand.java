package cyborg.cli;

import cyborg.model.ComputeDevice;
import cyborg.spark.Clusters;
import cyborg.spark.score.ImageListing;
import cyborg.spark.score.ImageRef;
import cyborg.spark.score.ModelSpec;
import cyborg.spark.score.ScoreJob;
import cyborg.spark.score.ScoreSettings;
import cyborg.spark.score.SparkScore;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code cyborg spark score}: {@code cyborg score} as a Spark job. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Score a collection of images as a Spark job: the same scores as 'cyborg score', on many cores or machines.",
            "",
            "The driver lists the images; each task reads its images where it runs (local paths, or any Hadoop file"
                + " system URI: hdfs://, s3a://, file:/...), decodes and preprocesses them exactly as 'cyborg score'"
                + " does and scores them in batches. Each executor loads the model once per task slot and keeps it."
                + " An image that cannot be read or decoded is never dropped silently: it is a row of the errors table"
                + " and counted in the summary.",
            "",
            "Output in --out DIR (refused when DIR holds anything, unless --mode overwrite or append):",
            "  parquet (default): scores.parquet/, errors.parquet/: folders of",
            "       part files, one written by each task (Spark, pyarrow and",
            "       duckdb read the folder as one table)",
            "  csv: scores.csv, exactly 'cyborg score's file (no header,",
            "       imagepath,score, same order: 'cyborg evaluate' reads it);",
            "       scores-detail.csv, every column with a header; errors.csv",
            "       (single files: cyborg evaluate reads one file, in order)",
            "Columns of the scores table:",
            "  path         the image as listed (root + relpath for --csv)",
            "  score        sigmoid(logit of Synthetic), as 'cyborg score'",
            "  label        the listing's class (Real/Synthetic; empty for --list)",
            "  predicted    the class with the larger logit",
            "  source       the image's parent folder: its source or generator",
            "  model_id     sha256:<16 hex digits> of the model's files: the",
            "               same model has the same id wherever it is copied",
            "  cam_entropy  (--cams) normalised Shannon entropy of the 8-bit CAM",
            "               of the predicted class: 0 = flat, 1 = every cell differs",
            "  cam_png      (--cams, parquet) the CAM as 8-bit grayscale PNG bytes",
            "  cam_path     (--cams, csv) DIR/cams/<path under the data root>_cam.png",
            "  (--measures) the Explain-to-Me measures of 'cyborg explain'",
            "               (Grad-CAM, its defaults): entropy, spatial_entropy,",
            "               noise_score_<P>pct, noise_ssim_<P>pct,",
            "               equivariance_ssim_<transform>, background_score_change,",
            "               background_ssim, object_score_change, object_ssim,",
            "               deletion_auc, insertion_auc",
            "Columns of the errors table: path, reason (missing_file, bad_image,",
            "  image_too_large, read_error, score_not_finite), message (what went",
            "  wrong and what to do).",
            "",
            "Exit status: 1 when no image was scored (every one is in the errors table) and, with --fail-on-errors,"
                + " when any image failed; the tables are written either way.",
            "",
            "PyTorch threads: tasks that run at once share the machine, so each task uses cores / task slots"
                + " threads (local[2] on 2 cores: 1 each), or spark.task.cpus on a cluster; --threads overrides it.",
            "",
            "Examples:",
            "  cyborg spark score --model runs/cyborg --csv data/split.csv --images data/images --out scored",
            "  cyborg spark score --master local[2] --model runs/cyborg --folder photos/ --format csv --out scored",
            "  cyborg spark score --model runs/cyborg --list images.txt --cams --measures --partitions 64 --out scored",
            "  cyborg spark score --model runs/cyborg --folder 's3a://bucket/faces/2024-*' --glob '*.jpg' --out scored",
            "  spark-submit --master yarn --class cyborg.cli.CyborgCommand cyborg-spark-app.jar \\",
            "      spark score --model runs/cyborg --list hdfs:///lists/faces.txt --out hdfs:///scored/run1",
            "  cyborg evaluate --scores scored/scores.csv --csv data/split.csv --out evaluation"
        })
final class SparkScoreCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR|FILE",
            description = "A run folder of 'cyborg train' (or its model.safetensors), or a PyTorch/safetensors weight"
                    + " file with --arch, on the driver (see --ship-model).")
    String model;

    @Option(names = "--ship-model", defaultValue = "auto", paramLabel = "auto|always|never",
            description = "Send the model's files to the executors with the job (default: ${DEFAULT-VALUE}: on a"
                    + " cluster master, not on a local one); never: --model is a path every executor can read.")
    String shipModel;

    @Mixin
    WeightFileOptions weights = new WeightFileOptions();

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu",
            description = "Where executors run the network: the CPU (default) or a GPU, the task's own when Spark"
                    + " schedules GPUs (spark.task.resource.gpu.amount), else each executor's first. Needs the CUDA"
                    + " natives on the executors (docs/spark.md, 'GPUs'); not run on a GPU here.")
    ComputeDevice device;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Reference split file: no header, rows split,class,relpath (read by the driver).")
    Path csv;

    @Option(names = "--images", paramLabel = "ROOT",
            description = "Image root (with --csv): a folder, or a URI such as hdfs://namenode/data/images.")
    String images;

    @Option(names = "--folder", paramLabel = "DIR|URI|GLOB",
            description = "A local folder layout instead: DIR/real/<source>/*, DIR/synthetic/<generator>/*. A URI"
                    + " (hdfs://, s3a://, file:/...) or a glob (photos/*/2024-*) is listed by Spark's binaryFile"
                    + " source instead: every image file under it at any depth, its class from a real/synthetic"
                    + " folder on its path, else unknown.")
    String folder;

    @Option(names = "--glob", paramLabel = "PATTERN",
            description = "With --folder: only files whose name matches (binaryFile's pathGlobFilter), e.g."
                    + " '*.{png,jpg}'; lists --folder through Spark.")
    String glob;

    @Option(names = "--list", paramLabel = "FILE|URI",
            description = "A text file with one image path or URI a line ('#' comments); the class is unknown. A local"
                    + " path, or a URI read through Hadoop's file systems (hdfs:///lists/faces.txt, file:///...).")
    String list;

    @Option(names = "--split", defaultValue = "test", paramLabel = "NAME",
            completionCandidates = Choices.SplitSelections.class,
            description = "Which --csv rows: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N images.")
    Integer limit;

    @Writes(files = {"scores.csv", "scores-detail.csv", "errors.csv", "scores.parquet", "errors.parquet", "cams"})
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (a path or URI).")
    String out;

    @Option(names = "--mode", defaultValue = "error", paramLabel = "error|overwrite|append",
            description = "When --out already holds files: error (default) refuses before any work; overwrite"
                    + " replaces this run's tables; append adds this run's rows to its parquet tables as new part"
                    + " files (parquet only, same columns only).")
    String mode;

    @Option(names = "--format", defaultValue = "parquet", paramLabel = "parquet|csv",
            description = "Output format (default: ${DEFAULT-VALUE}); csv writes 'cyborg score's file too.")
    String format;

    @Option(names = "--cams", description = "Also each image's CAM (predicted class) and its entropy.")
    boolean cams;

    @Option(names = "--measures", description = "Also the Explain-to-Me measures of each image (about 30 forward"
            + " passes an image: much slower than scoring).")
    boolean measures;

    @Option(names = "--master", paramLabel = "URL",
            description = "local[N], local[*], spark://host:7077, yarn, ... (default: spark-submit's master, else"
                    + " local[*]).")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Tasks to split the images into (default: one per core, more for large jobs: at most 256"
                    + " images a task).")
    Integer partitions;

    // 8: cyborg score's default
    @Option(names = "--batch", defaultValue = "8", paramLabel = "N",
            description = "Images per forward pass (default: ${DEFAULT-VALUE}, as 'cyborg score').")
    int batch;

    @Option(names = "--threads", paramLabel = "N",
            description = "PyTorch threads each task's forward passes use (one setting per executor JVM; default:"
                    + " cores / task slots locally, spark.task.cpus on a cluster).")
    Integer threads;

    @Option(names = "--fail-on-errors", negatable = true, paramLabel = "",
            description = "Exit with status 1 when any image failed (a row of the errors table). Without it the"
                    + " status is 1 only when no image was scored at all; --no-fail-on-errors: 0 even then.")
    Boolean failOnErrors;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting, e.g. --conf spark.executor.memory=4g (repeatable).")
    Map<String, String> conf = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        ScoreJob.Format outFormat = switch (format.toLowerCase(Locale.ROOT)) {
            case "parquet" -> ScoreJob.Format.PARQUET;
            case "csv" -> ScoreJob.Format.CSV;
            default -> throw new IllegalArgumentException("--format must be parquet or csv, not '" + format + "'");
        };
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1");
        }
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        boolean sparkListed = folder != null && ImageListing.listedBySpark(folder, glob);
        // listed here, before Spark starts, unless Spark lists them
        if (sparkListed && (csv != null || list != null || images != null)) {
            throw new IllegalArgumentException("give one of --csv FILE with --images ROOT, --folder DIR or --list FILE");
        }
        List<ImageRef> refs = sparkListed ? null : listing();
        ScoreSettings settings = new ScoreSettings(batch, cams, null, measures, threads == null ? 0 : threads);
        ModelSpec spec = new ModelSpec(model, weights.arch, weights.request(Path.of(model)).size(), weights.strict, null,
                device);
        ScoreJob.Shipping shipping = switch (shipModel.toLowerCase(Locale.ROOT)) {
            case "auto" -> ScoreJob.Shipping.AUTO;
            case "always" -> ScoreJob.Shipping.ALWAYS;
            case "never" -> ScoreJob.Shipping.NEVER;
            default -> throw new IllegalArgumentException("--ship-model must be auto, always or never, not '"
                    + shipModel + "'");
        };
        ScoreJob.Mode outMode = switch (mode.toLowerCase(Locale.ROOT)) {
            case "error" -> ScoreJob.Mode.ERROR;
            case "overwrite" -> ScoreJob.Mode.OVERWRITE;
            case "append" -> ScoreJob.Mode.APPEND;
            default -> throw new IllegalArgumentException("--mode must be error, overwrite or append, not '" + mode
                    + "'");
        };
        Map<String, String> sparkSettings = new LinkedHashMap<>(conf);
        // the measure columns make a wide plan: no "truncated the string representation" warning
        sparkSettings.putIfAbsent("spark.sql.debug.maxToStringFields", "200");
        long start = System.nanoTime();
        SparkSession spark = Clusters.start("cyborg spark score", master, sparkSettings);
        double sparkStart = (System.nanoTime() - start) / 1e9;
        try {
            if (sparkListed) {
                refs = listedBySpark(spark);
            }
            ScoreJob job = new ScoreJob(spec, refs, out, outFormat, settings, partitions == null ? 0 : partitions,
                    shipping, outMode);
            SparkScore.Summary s = SparkScore.run(spark, job, System.err);
            String master = spark.sparkContext().master();
            System.out.printf(Locale.ROOT, "scored %d images, %d errors -> %s (%s)%n", s.scored(), s.errors(), out,
                    String.join(", ", s.files()));
            if (s.errors() > 0) {
                System.out.println("errors by reason: " + s.errorsByReason().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
                        + "; each is a row of " + s.files().get(s.files().size() - 1));
            }
            double seconds = s.scoreMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "scoring: %d images in %.2f s (%.1f img/s) on %s: %d tasks, %s%n",
                    refs.size(), seconds, refs.size() / Math.max(seconds, 1e-3), master, s.partitions(),
                    s.threads() > 0 ? s.threads() + " PyTorch thread(s) per task" : "PyTorch's threads");
            System.out.printf(Locale.ROOT, "overhead: Spark start %.2f s, model check on the driver %.2f s (with"
                    + " PyTorch's start), %d more model load(s) by the tasks %.2f s, writing %.2f s%n", sparkStart,
                    s.driverLoadMillis() / 1000.0, s.modelLoads(), s.modelLoadMillis() / 1000.0,
                    s.writeMillis() / 1000.0);
            System.out.printf(Locale.ROOT, "tasks' time, summed over tasks: reading files %.2f s, decoding and"
                    + " resizing %.2f s, network %.2f s%n", s.readMillis() / 1000.0, s.decodeMillis() / 1000.0,
                    s.forwardMillis() / 1000.0);
            String failure = s.failure(failOnErrors);
            if (failure != null) {
                System.err.println("error: " + failure);
                return 1;
            }
        } finally {
            spark.stop();
        }
        return 0;
    }

    private List<ImageRef> listedBySpark(SparkSession spark) {
        ImageListing.Listed listed = ImageListing.fromFiles(spark, folder, glob, limit);
        if (!listed.notImages().isEmpty()) {
            // nothing is dropped without a word
            System.err.println("note: passed over " + listed.notImages().size() + " file(s) that are not images"
                    + " (by extension), e.g. " + listed.notImages().get(0));
        }
        return listed.images();
    }

    private List<ImageRef> listing() throws java.io.IOException {
        int given = (csv != null ? 1 : 0) + (folder != null ? 1 : 0) + (list != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give one of --csv FILE with --images ROOT, --folder DIR or --list FILE");
        }
        if (csv != null) {
            if (images == null) {
                throw new IllegalArgumentException("--csv needs --images ROOT: each image is ROOT + relpath");
            }
            return ImageListing.fromSplitCsv(csv, images, split, limit);
        }
        if (images != null) {
            throw new IllegalArgumentException("--images goes with --csv only");
        }
        if (glob != null) {
            throw new IllegalArgumentException("--glob goes with --folder only");
        }
        return folder != null ? ImageListing.fromFolder(Path.of(folder), limit) : ImageListing.fromList(list, limit);
    }
}
