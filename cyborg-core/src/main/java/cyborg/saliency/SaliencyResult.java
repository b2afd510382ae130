package cyborg.saliency;

import cyborg.data.Sample;
import cyborg.model.CamMap;
import cyborg.model.Prediction;

/**
 * The saliency map of one image.
 *
 * @param sample the image
 * @param prediction what the model said (score, label, finite check; no CAM)
 * @param targetClass the class whose saliency the map shows (the label's for the predicted target)
 * @param map the normalised map at the CAM layer's resolution
 */
public record SaliencyResult(Sample sample, Prediction prediction, int targetClass, CamMap map) {
    /** The detector's score (sigmoid of the Synthetic logit). */
    public double score() {
        return prediction.score();
    }
}
