package cyborg.spark.score;

import java.io.Serializable;

/**
 * What each task computes besides the score, and how.
 *
 * @param batch images per forward pass ({@code cyborg score}'s {@code --batch})
 * @param cams also compute each image's CAM (of the predicted class) and its entropy
 * @param camDir with {@code cams}: where to write the CAMs as PNG files (a local path or URI),
 *     or null to keep their bytes in the output rows
 * @param measures also compute the Explain-to-Me measures of each image
 * @param threads PyTorch intra-op threads per JVM (0: leave PyTorch's default)
 */
public record ScoreSettings(int batch, boolean cams, String camDir, boolean measures, int threads)
        implements Serializable {
    public ScoreSettings {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
    }

    /** Scores only, in batches of {@code batch}. */
    public static ScoreSettings scores(int batch) {
        return new ScoreSettings(batch, false, null, false, 0);
    }
}
