package cyborg.explain;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every Explain-to-Me measure of one image under one model. */
public final class ImageMeasures {
    public String image;
    public String source;
    public int label;
    public int predicted;
    public double score;
    /** a. Normalised Shannon entropy (bits / log2 cells) of the 8-bit map at feature resolution. */
    public double entropy;
    /** a. Spatial entropy (natural log) of the map, as the focus losses use it. */
    public double spatialEntropy;
    /** b. Synthetic score and map similarity to the clean map at each salt-and-pepper amount. */
    public double[] noiseScore;
    public double[] noiseSsim;
    public double[] noisePearson;
    /** c. Map of the transformed image against the transformed map, per transformation. */
    public Map<String, Double> equivarianceSsim = new LinkedHashMap<>();
    public Map<String, Double> equivariancePearson = new LinkedHashMap<>();
    /** e. Salience-guided degradation: score change and map similarity, background and object variants. */
    public double backgroundScoreChange;
    public double backgroundSsim;
    public double backgroundPearson;
    public double objectScoreChange;
    public double objectSsim;
    public double objectPearson;
    /** e. Deletion and insertion curves (probability of the original decision) and their areas. */
    public double[] deletion;
    public double[] insertion;
    public double deletionAuc;
    public double insertionAuc;
    /** The clean map against the human map ({@code explain --maps}); null when the image has none. */
    public Localisation.Scores localisation;
    /** The map at feature resolution, 8-bit, for cross-run stability (d). */
    public transient int[] featureMap;
    public transient int featureWidth;
    public transient int featureHeight;
}
