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
 */
public record ScoreJob(ModelSpec model, List<ImageRef> images, String out, Format format, ScoreSettings settings,
        int partitions) {
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
