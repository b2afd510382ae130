package cyborg.spark.score;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
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
 * Writes a job's tables into its output folder: Spark writes into a temporary folder inside the
 * output folder, then each table is renamed into place, so a reader never sees a half-written table
 * ({@link ScoreJob.Mode#APPEND} adds part files through Spark's own committer instead).
 *
 * <ul>
 *   <li>parquet: {@code scores.parquet/}, {@code errors.parquet/}, folders of part files written by
 *       the tasks (one per task, none through the driver), as Spark, pyarrow or duckdb read them;</li>
 *   <li>csv: {@code scores.csv} ({@code cyborg score}'s file: no header, {@code imagepath,score}, in
 *       listing order, as {@code cyborg evaluate} reads it: one file, so its rows pass through the
 *       driver), {@code scores-detail.csv} (every column, with a header), {@code errors.csv} (with a
 *       header), each one file written by one task.</li>
 * </ul>
 * Hadoop's local file system leaves a {@code .NAME.crc} beside each file it writes; they are
 * removed from what this writes (a reader does not need them).
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
    private final ScoreJob.Mode mode;

    ScoreOutputs(SparkSession spark, String out, ScoreJob.Format format, ScoreJob.Mode mode) {
        this.spark = spark;
        this.out = out;
        this.format = format;
        this.mode = mode;
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
     * Refuses, before any work, an output folder this run must not write into: with
     * {@link ScoreJob.Mode#ERROR} one that holds anything; otherwise one that holds outputs of an
     * earlier run this run would not replace (another format's tables, or CAM files when this run
     * writes none): they would be left beside the new tables as if they were this run's
     * ({@link Outputs#refuseStale}).
     */
    void refuseStale(boolean camFiles) throws IOException {
        Path dir = Locations.hadoopPath(out);
        FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(dir)) {
            return;
        }
        if (!fs.getFileStatus(dir).isDirectory()) {
            throw new IllegalArgumentException(out + " (--out) is a file; the output is a folder");
        }
        FileStatus[] present = fs.listStatus(dir);
        if (mode == ScoreJob.Mode.ERROR && present.length > 0) {
            List<String> names = new ArrayList<>();
            for (FileStatus f : present) {
                names.add(f.getPath().getName());
            }
            java.util.Collections.sort(names);
            throw new IllegalArgumentException(out + " (--out) already holds " + String.join(", ", names)
                    + "; choose a new --out, or --mode overwrite to replace its tables, or --mode append to add this"
                    + " run's rows to its parquet tables");
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

    /**
     * With {@link ScoreJob.Mode#APPEND}, refuses before any work a scores table whose columns are not
     * this run's ({@code scores}): a table of two layouts would read back with nulls or not at all.
     */
    void refuseOtherColumns(StructType scores) throws IOException {
        Path table = new Path(Locations.hadoopPath(out), SCORES + ".parquet");
        FileSystem fs = table.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (mode != ScoreJob.Mode.APPEND || !fs.exists(table)) {
            return;
        }
        StructType existing = spark.read().parquet(table.toString()).schema();
        if (!columns(existing).equals(columns(scores))) {
            throw new IllegalArgumentException(table + " has the columns " + columns(existing) + "; this run's are "
                    + columns(scores) + ": --mode append needs the same (the same --cams and --measures)");
        }
    }

    private static List<String> columns(StructType schema) {
        List<String> out = new ArrayList<>();
        for (var f : schema.fields()) {
            out.add(f.name() + " " + f.dataType().simpleString());
        }
        return out;
    }

    /** Writes the tables and returns the names of the files written. */
    List<String> write(JavaRDD<ScoredImage> ok, JavaRDD<ScoredImage> bad, ScoreSettings settings,
            List<String> measureColumns, String modelId) throws IOException {
        Path dir = Locations.hadoopPath(out);
        FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.mkdirs(dir);
        Path tmp = new Path(dir, "_tmp-" + UUID.randomUUID());
        List<String> files = new ArrayList<>();
        boolean camBytes = format == ScoreJob.Format.PARQUET;
        List<String> columns = List.copyOf(measureColumns);
        StructType schema = SparkScore.scoresSchema(settings, camBytes, columns);
        try {
            if (format == ScoreJob.Format.PARQUET) {
                // As the tasks scored them: one part file per task, written where it runs. The driver's
                // list was cut into partitions in order, so part-00000 holds the first images; readers
                // need not keep that order, and each row names its image.
                Dataset<Row> table = spark.createDataFrame(
                        ok.map(s -> SparkScore.scoresRow(s, settings, camBytes, columns, modelId)), schema);
                Dataset<Row> errorTable = spark.createDataFrame(bad.map(SparkScore::errorsRow),
                        SparkScore.errorsSchema());
                files.add(writeParquet(fs, table, tmp, dir, SCORES + ".parquet"));
                files.add(writeParquet(fs, errorTable, tmp, dir, ERRORS + ".parquet"));
            } else {
                // In listing order without a sort: each task returns its rows in the order it read them,
                // and one partition keeps the partitions' order.
                JavaRDD<ScoredImage> scores = ok.coalesce(1);
                Dataset<Row> table = spark.createDataFrame(
                        scores.map(s -> SparkScore.scoresRow(s, settings, camBytes, columns, modelId)), schema);
                Dataset<Row> errorTable = spark.createDataFrame(bad.coalesce(1).map(SparkScore::errorsRow),
                        SparkScore.errorsSchema());
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
        for (String name : files) {
            Locations.dropChecksums(fs, new Path(dir, name));
        }
        return files;
    }

    /** One parquet table: staged and renamed into place, or with APPEND added to an existing one. */
    private String writeParquet(FileSystem fs, Dataset<Row> table, Path tmp, Path dir, String name) throws IOException {
        Path target = new Path(dir, name);
        if (mode == ScoreJob.Mode.APPEND && fs.exists(target)) {
            table.write().mode(SaveMode.Append).parquet(target.toString());
        } else {
            Path staged = new Path(tmp, name);
            table.write().parquet(staged.toString());
            rename(fs, staged, target);
        }
        return name;
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
