package cyborg.spark.score;

import java.util.List;
import java.util.Locale;

/**
 * A {@code spark score} job.
 *
 * @param model the model every executor loads
 * @param images what to score, as the driver listed it
 * @param out the output folder (a local path or a Hadoop file system URI)
 * @param format the output files' format
 * @param settings what each task computes
 * @param partitions how many tasks (0: one per core, more for large jobs, see {@link SparkScore})
 * @param shipping whether the model's files go to the executors with the job
 * @param mode what to do when {@code out} already holds files
 */
public record ScoreJob(ModelSpec model, List<ImageRef> images, String out, Format format, ScoreSettings settings,
        int partitions, Shipping shipping, Mode mode) {
    /** What a job does with an output folder that already holds files ({@code --mode}). */
    public enum Mode {
        /** Refuse it before any work: nothing of an earlier run is replaced by surprise (the default). */
        ERROR,
        /** Replace this run's tables in it (another format's outputs are still refused). */
        OVERWRITE,
        /** Add this run's rows to its parquet tables as new part files (parquet only; same columns only). */
        APPEND
    }

    /** With {@link Mode#ERROR}. */
    public ScoreJob(ModelSpec model, List<ImageRef> images, String out, Format format, ScoreSettings settings,
            int partitions, Shipping shipping) {
        this(model, images, out, format, settings, partitions, shipping, Mode.ERROR);
    }

    /** Whether the model's files are shipped to the executors with the job. */
    public enum Shipping {
        /** On a cluster master; not on a local one, whose executors read the driver's files. */
        AUTO,
        /** Always (each executor loads its own copy from the job's files). */
        ALWAYS,
        /** Never: the model's path is readable on every executor (a shared file system). */
        NEVER
    }

    /** With {@link Shipping#AUTO}. */
    public ScoreJob(ModelSpec model, List<ImageRef> images, String out, Format format, ScoreSettings settings,
            int partitions) {
        this(model, images, out, format, settings, partitions, Shipping.AUTO);
    }

    /** The output files' format. */
    public enum Format {
        /** {@code scores.parquet/}, {@code errors.parquet/}: folders of part files, one per task. */
        PARQUET,
        /** {@code scores.csv} exactly as {@code cyborg score} writes it, {@code scores-detail.csv}, {@code errors.csv}. */
        CSV;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ScoreJob {
        images = List.copyOf(images);
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be at least 1");
        }
        if (mode == Mode.APPEND && format != Format.PARQUET) {
            throw new IllegalArgumentException("--mode append adds part files to parquet tables; csv's scores.csv is"
                    + " one file, cyborg score's own: write the csv of this run to another --out");
        }
    }
}
