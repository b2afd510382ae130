package cyborg.demo;

import cyborg.data.Augmentation;
import cyborg.data.BadInputException;
import cyborg.data.Sample;
import cyborg.data.SampleLoader;
import cyborg.score.Scorer;

import java.util.List;

/**
 * Where a model looks, measured on CAMs: mean squared error between the normalised CAM and the
 * human map and the average CAM over a set of images.
 */
final class CamStats {
    private CamStats() {}

    /** Mean over images of the per-image MSE between CAM and human map (both at CAM size). */
    static double mapMse(List<Scorer.ScoredCam> cams, SampleLoader mapsAtCamSize) throws BadInputException {
        double sum = 0;
        int n = 0;
        for (Scorer.ScoredCam c : cams) {
            float[] map = humanMap(c.sample(), mapsAtCamSize);
            if (map == null) {
                continue;
            }
            double se = 0;
            for (int i = 0; i < map.length; i++) {
                double d = c.cam()[i] - map[i];
                se += d * d;
            }
            sum += se / map.length;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The averaged, normalised human map of a sample at the CAM's size, or null. */
    static float[] humanMap(Sample s, SampleLoader mapsAtCamSize) throws BadInputException {
        return mapsAtCamSize.load(s, Augmentation.Params.IDENTITY, true).map();
    }

    /** Cell-wise mean of the CAMs. */
    static float[] average(List<Scorer.ScoredCam> cams) {
        return mean(cams.stream().map(Scorer.ScoredCam::cam).toList());
    }

    /** Cell-wise mean of maps of equal size. */
    static float[] mean(List<float[]> maps) {
        float[] avg = new float[maps.get(0).length];
        for (float[] m : maps) {
            for (int i = 0; i < avg.length; i++) {
                avg[i] += m[i] / maps.size();
            }
        }
        return avg;
    }
}
