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
 */
public record ScoreJob(ModelSpec model, List<ImageRef> images, String out, Format format, ScoreSettings settings,
        int partitions, Shipping shipping) {
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
        /** {@code scores.parquet}, {@code errors.parquet}. */
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
    }
}
