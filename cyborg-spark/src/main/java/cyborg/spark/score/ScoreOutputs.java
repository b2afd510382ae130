package cyborg.spark.score;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import cyborg.io.Outputs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes a job's tables into its output folder, each as one file in listing order: Spark writes
 * into a temporary folder inside the output folder, then each single part file is renamed into
 * place, so a reader never sees a half-written table.
 *
 * <ul>
 *   <li>parquet: {@code scores.parquet}, {@code errors.parquet};</li>
 *   <li>csv: {@code scores.csv} ({@code cyborg score}'s file: no header, {@code imagepath,score}),
 *       {@code scores-detail.csv} (every column, with a header), {@code errors.csv} (with a header).</li>
 * </ul>
 */
final class ScoreOutputs {
    static final String SCORES = "scores";
    static final String DETAIL = "scores-detail.csv";
    static final String ERRORS = "errors";
    static final String CAMS = "cams";

    /** Every output of a run of either form, by name in the output folder. */
    private static final List<String> OWNED = List.of(SCORES + ".parquet", ERRORS + ".parquet", SCORES + ".csv", DETAIL,
            ERRORS + ".csv", CAMS);

    private final SparkSession spark;
    private final String out;
    private final ScoreJob.Format format;

    ScoreOutputs(SparkSession spark, String out, ScoreJob.Format format) {
        this.spark = spark;
        this.out = out;
        this.format = format;
    }

    /** Where CAM PNGs go when the output format cannot hold their bytes. */
    static String camDir(String out) {
        return (out.endsWith("/") ? out : out + "/") + CAMS;
    }

    /** The names this run writes into the output folder ({@code camFiles}: CAM PNGs in {@link #CAMS}). */
    private List<String> written(boolean camFiles) {
        List<String> names = new ArrayList<>(format == ScoreJob.Format.PARQUET
                ? List.of(SCORES + ".parquet", ERRORS + ".parquet") : List.of(SCORES + ".csv", DETAIL, ERRORS + ".csv"));
        if (camFiles) {
            names.add(CAMS);
        }
        return names;
    }

    /**
     * Refuses, before any work, an output folder that holds outputs of an earlier run this run would
     * not replace (another format's tables, or CAM files when this run writes none): they would be
     * left beside the new tables as if they were this run's ({@link Outputs#refuseStale}).
     */
    void refuseStale(boolean camFiles) throws IOException {
        Path dir = Locations.hadoopPath(out);
        FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(dir)) {
            return;
        }
        List<String> written = written(camFiles);
        List<String> stale = new ArrayList<>();
        for (String name : OWNED) {
            if (!written.contains(name) && fs.exists(new Path(dir, name))) {
                stale.add(name);
            }
        }
        Outputs.refuseStale(out, "--out", stale, "this " + format.name().toLowerCase(Locale.ROOT) + " run");
    }

    /** Writes the tables and returns the names of the files written. */
    List<String> write(JavaRDD<ScoredImage> ok, JavaRDD<ScoredImage> bad, ScoreSettings settings,
            List<String> measureColumns) throws IOException {
        Path dir = Locations.hadoopPath(out);
        FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.mkdirs(dir);
        Path tmp = new Path(dir, "_tmp-" + UUID.randomUUID());
        List<String> files = new ArrayList<>();
        boolean camBytes = format == ScoreJob.Format.PARQUET;
        List<String> columns = List.copyOf(measureColumns);
        try {
            // In listing order without a sort: the driver's list is cut into partitions in order, and each
            // task returns its rows in the order it read them; one partition keeps that order.
            JavaRDD<ScoredImage> scores = ok.coalesce(1);
            StructType schema = SparkScore.scoresSchema(settings, camBytes, columns);
            Dataset<Row> table = spark.createDataFrame(
                    scores.map(s -> SparkScore.scoresRow(s, settings, camBytes, columns)), schema);
            JavaRDD<ScoredImage> errors = bad.coalesce(1);
            Dataset<Row> errorTable = spark.createDataFrame(errors.map(SparkScore::errorsRow), SparkScore.errorsSchema());
            if (format == ScoreJob.Format.PARQUET) {
                table.write().parquet(new Path(tmp, SCORES).toString());
                files.add(place(fs, new Path(tmp, SCORES), ".parquet", new Path(dir, SCORES + ".parquet"), null));
                errorTable.write().parquet(new Path(tmp, ERRORS).toString());
                files.add(place(fs, new Path(tmp, ERRORS), ".parquet", new Path(dir, ERRORS + ".parquet"), null));
            } else {
                Path scoreFile = new Path(dir, SCORES + ".csv");
                writeText(fs, new Path(tmp, SCORES + ".csv"), SparkScore.scoreFileText(scores.collect()));
                rename(fs, new Path(tmp, SCORES + ".csv"), scoreFile);
                files.add(scoreFile.getName());
                table.write().option("header", true).csv(new Path(tmp, "detail").toString());
                files.add(place(fs, new Path(tmp, "detail"), ".csv", new Path(dir, DETAIL), header(schema)));
                errorTable.write().option("header", true).csv(new Path(tmp, ERRORS).toString());
                files.add(place(fs, new Path(tmp, ERRORS), ".csv", new Path(dir, ERRORS + ".csv"),
                        header(SparkScore.errorsSchema())));
            }
        } finally {
            fs.delete(tmp, true);
        }
        return files;
    }

    private static String header(StructType schema) {
        return String.join(",", schema.fieldNames()) + "\n";
    }

    /**
     * Moves the one part file Spark wrote into {@code folder} to {@code target}; a table with no
     * rows may have no part file, then {@code empty} (a CSV header) is written instead.
     */
    private static String place(FileSystem fs, Path folder, String extension, Path target, String empty)
            throws IOException {
        Path part = null;
        for (FileStatus f : fs.listStatus(folder)) {
            String name = f.getPath().getName();
            if (name.startsWith("part-") && name.endsWith(extension)) {
                if (part != null) {
                    throw new IOException(folder + ": Spark wrote more than one part file; expected one");
                }
                part = f.getPath();
            }
        }
        if (part == null || (empty != null && fs.getFileStatus(part).getLen() == 0)) {
            if (empty == null) {
                throw new IOException(folder + ": Spark wrote no " + extension + " file");
            }
            Path made = new Path(folder, "empty" + extension);
            writeText(fs, made, empty);
            part = made;
        }
        rename(fs, part, target);
        return target.getName();
    }

    private static void rename(FileSystem fs, Path from, Path to) throws IOException {
        if (fs.exists(to)) {
            fs.delete(to, true);
        }
        if (!fs.rename(from, to)) {
            throw new IOException("could not move " + from + " to " + to);
        }
    }

    private static void writeText(FileSystem fs, Path file, String text) throws IOException {
        try (FSDataOutputStream o = fs.create(file, true)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
