package cyborg.explain;

import ai.djl.ndarray.NDManager;
import cyborg.data.BadInputException;
import cyborg.data.FloatMap;
import cyborg.data.HumanMaps;
import cyborg.data.ImageId;
import cyborg.data.MapIndex;
import cyborg.data.Sample;
import cyborg.image.ImageFiles;
import cyborg.image.ImageSize;
import cyborg.image.Resampler;
import cyborg.image.RgbImage;
import cyborg.loss.SpatialEntropy;
import cyborg.model.SavedModel;
import cyborg.saliency.SaliencyMethod;
import cyborg.util.Seeds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the Explain-to-Me measures of images under one model: every perturbed variant of an
 * image (salt-and-pepper amounts, geometric transforms, salience-guided degradations, deletion
 * and insertion steps) runs in one batch, with the saliency of the class predicted on the clean
 * image.
 */
public final class Explainer {
    private final ImageRunner runner;
    private final int size;
    private final int shift;
    private final int curveSteps;
    private final long seed;
    private Path dataRoot;
    private MapIndex.Assignment humanMaps = MapIndex.Assignment.none();
    private double maskThreshold = Localisation.DEFAULT_THRESHOLD;

    /**
     * @param model the detector
     * @param method the saliency method (the reference uses Grad-CAM)
     * @param shift pixels of the shifts (the reference: 16 at 224)
     * @param curveSteps steps of the deletion and insertion curves
     * @param seed seed of the salt-and-pepper noise
     */
    public Explainer(SavedModel model, NDManager manager, SaliencyMethod method, int shift, int curveSteps, long seed) {
        this(model.network(), model.preprocessing(), manager, method, shift, curveSteps, seed);
    }

    /** For any network, e.g. a toy one in tests. */
    Explainer(cyborg.model.CamNetwork net, cyborg.data.Preprocessing pre, NDManager manager, SaliencyMethod method,
            int shift, int curveSteps, long seed) {
        this.runner = new ImageRunner(net, pre, method, manager);
        this.size = pre.size();
        this.shift = shift;
        this.curveSteps = curveSteps;
        this.seed = seed;
    }

    /** The reference's 16 px shift at 224 px, scaled to the input size. */
    public static int referenceShift(int inputSize) {
        return Math.max(1, Math.round(16f * inputSize / 224));
    }

    /**
     * Seeds each image's salt-and-pepper noise from its path relative to {@code root} (its data
     * set's image root or folder) instead of its key, so that the noise, and the measures under
     * it, do not change when the same data sit in another folder ({@code cyborg explain} and the
     * sweep). Without a root (and for an image outside it) the seed is the image's key, as
     * {@code spark score --measures} uses it.
     */
    public Explainer withDataRoot(Path root) {
        this.dataRoot = root.toAbsolutePath().normalize();
        return this;
    }

    /** What an image's noise is seeded from: see {@link #withDataRoot}. */
    static String noiseKey(Sample sample, Path root) {
        if (root != null) {
            // '/' whatever the platform: the same data give the same noise everywhere
            return ImageId.under(root, sample.image()).map(ImageId::path).orElse(sample.key());
        }
        return sample.key();
    }

    /**
     * Also measures how the clean map localises the images' human maps (images without one get
     * none), with the mask {@code norm(human) >= threshold}.
     */
    public Explainer withHumanMaps(MapIndex.Assignment maps, double threshold) {
        this.humanMaps = maps;
        this.maskThreshold = threshold;
        return this;
    }

    /** All measures of one image. */
    public ImageMeasures measure(Sample sample) throws IOException {
        return measure(sample, ImageFiles.readRgb(sample.image()));
    }

    /**
     * All measures of one image already decoded (e.g. from bytes read off a Hadoop file system);
     * {@code sample} names it and finds its human maps.
     */
    public ImageMeasures measure(Sample sample, RgbImage image) throws IOException {
        RgbImage img = image;
        ImageSize imageSize = new ImageSize(img.width(), img.height());
        if (img.width() != size || img.height() != size) {
            img = Resampler.resize(img, size, size);
        }
        ImageRunner.Output clean = runner.run(List.of(img), -1).get(0);
        int target = clean.predicted();
        Plane cleanMap = MapCompare.upsample(clean.map(), size);
        List<RgbImage> variants = new ArrayList<>();
        double[] amounts = SaltPepper.REFERENCE_AMOUNTS;
        java.util.Random rng = Seeds.random(seed, noiseKey(sample, dataRoot).hashCode());
        for (double a : amounts) {
            variants.add(SaltPepper.apply(img, a, rng));
        }
        List<GeometricTransform> transforms = GeometricTransform.reference(shift);
        for (GeometricTransform t : transforms) {
            variants.add(t.apply(img));
        }
        variants.add(SalienceDegradation.apply(img, cleanMap, false));
        variants.add(SalienceDegradation.apply(img, cleanMap, true));
        // deletion starts from the clean image and insertion ends with it: their probability is the
        // clean pass's, so those two images are not run again
        variants.addAll(DeletionInsertion.steps(img, cleanMap, curveSteps, false).subList(1, curveSteps + 1));
        variants.addAll(DeletionInsertion.steps(img, cleanMap, curveSteps, true).subList(0, curveSteps));
        List<ImageRunner.Output> out = runner.run(variants, target);

        ImageMeasures m = new ImageMeasures();
        m.image = sample.key();
        m.source = sample.source();
        m.label = sample.label().index();
        m.predicted = target;
        m.score = clean.score();
        int[] feature = MapCompare.gray(clean.map());
        m.entropy = ShannonEntropy.normalized(feature);
        m.spatialEntropy = SpatialEntropy.of(clean.map().values());
        m.featureMap = feature;
        m.featureWidth = clean.map().width();
        m.featureHeight = clean.map().height();
        m.localisation = localisation(sample, imageSize, clean.map());
        int k = 0;
        m.noiseScore = new double[amounts.length];
        m.noiseSsim = new double[amounts.length];
        m.noisePearson = new double[amounts.length];
        for (int i = 0; i < amounts.length; i++, k++) {
            Plane map = MapCompare.upsample(out.get(k).map(), size);
            m.noiseScore[i] = out.get(k).score();
            m.noiseSsim[i] = MapCompare.ssim(map, cleanMap);
            m.noisePearson[i] = MapCompare.pearson(map, cleanMap);
        }
        for (GeometricTransform t : transforms) {
            Plane ofTransformed = MapCompare.upsample(out.get(k++).map(), size);
            Plane transformedMap = t.apply(cleanMap);
            m.equivarianceSsim.put(t.name(), MapCompare.ssim(ofTransformed, transformedMap));
            m.equivariancePearson.put(t.name(), MapCompare.pearson(ofTransformed, transformedMap));
        }
        ImageRunner.Output background = out.get(k++);
        ImageRunner.Output object = out.get(k++);
        Plane backgroundMap = MapCompare.upsample(background.map(), size);
        Plane objectMap = MapCompare.upsample(object.map(), size);
        m.backgroundScoreChange = background.score() - clean.score();
        m.backgroundSsim = MapCompare.ssim(backgroundMap, cleanMap);
        m.backgroundPearson = MapCompare.pearson(backgroundMap, cleanMap);
        m.objectScoreChange = object.score() - clean.score();
        m.objectSsim = MapCompare.ssim(objectMap, cleanMap);
        m.objectPearson = MapCompare.pearson(objectMap, cleanMap);
        m.deletion = new double[curveSteps + 1];
        m.insertion = new double[curveSteps + 1];
        m.deletion[0] = clean.targetProbability();
        for (int i = 1; i <= curveSteps; i++) {
            m.deletion[i] = out.get(k++).targetProbability();
        }
        for (int i = 0; i < curveSteps; i++) {
            m.insertion[i] = out.get(k++).targetProbability();
        }
        m.insertion[curveSteps] = clean.targetProbability();
        m.deletionAuc = DeletionInsertion.area(m.deletion);
        m.insertionAuc = DeletionInsertion.area(m.insertion);
        return m;
    }

    /**
     * The clean map (feature resolution) against the image's averaged human map brought to that
     * resolution as training brings it to the CAM's; null if the image has no human map.
     */
    private Localisation.Scores localisation(Sample sample, ImageSize imageSize, Plane map) throws BadInputException {
        List<Path> files = humanMaps.mapsFor(sample);
        if (files.isEmpty()) {
            return null;
        }
        FloatMap human = HumanMaps.average(files, imageSize, sample.origin());
        boolean[] mask = Localisation.maskAt(human.values(), human.width(), human.height(), map.width(), map.height(),
                maskThreshold);
        return Localisation.of(map.values(), mask);
    }
}
