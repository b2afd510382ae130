package cyborg.spark.score;

import java.io.Serializable;
import java.util.Map;

/**
 * What scoring made of one image: its score (and CAM and measures when asked), or why it could not
 * be scored. Exactly one of {@code score} and {@code errorReason} is set.
 *
 * @param ref the image
 * @param score {@code sigmoid(logit[Synthetic])}, as {@code cyborg score} computes it
 * @param predicted the predicted class ({@code Real} or {@code Synthetic})
 * @param camEntropy normalised Shannon entropy of the 8-bit CAM at the CAM layer's resolution
 *     (0 = one value everywhere, 1 = every cell different); null unless CAMs were asked for
 * @param camPng the CAM at the model's input size as an 8-bit grayscale PNG (null unless asked for)
 * @param camPath where the CAM's PNG was written instead (null unless asked for)
 * @param measures the Explain-to-Me measures by column name (null unless asked for)
 * @param errorReason why the image could not be scored (see {@link ErrorReason}), else null
 * @param errorMessage what went wrong and what to do, else null
 */
public record ScoredImage(ImageRef ref, Float score, String predicted, Double camEntropy, byte[] camPng,
        String camPath, Map<String, Double> measures, String errorReason, String errorMessage)
        implements Serializable {
    /** An image that could not be scored. */
    static ScoredImage failed(ImageRef ref, String reason, String message) {
        return new ScoredImage(ref, null, null, null, null, null, null, reason, message);
    }

    /** An image's outcome without CAM files or measures. */
    static ScoredImage of(ImageRef ref, ImageScoring.Outcome o) {
        return new ScoredImage(ref, o.score(), o.predicted(), o.camEntropy(), o.camPng(), null, null, o.errorReason(),
                o.errorMessage());
    }

    /** Whether it was scored. */
    public boolean ok() {
        return errorReason == null;
    }
}
