package cyborg.data;

import cyborg.image.FloatMaps;
import cyborg.image.Geometry;
import cyborg.image.ImageDecodeException;
import cyborg.image.ImageFiles;
import cyborg.image.ImageSize;
import cyborg.image.Resampler;
import cyborg.image.RgbImage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns samples into model inputs: decodes the image and its averaged human map (keeping both
 * in memory when caching is on), applies the sample's augmentation to both, resizes the image
 * to the input size and the map to the CAM's size. Thread-safe.
 */
public final class SampleLoader {
    private final Preprocessing preprocessing;
    private final int camHeight;
    private final int camWidth;
    private final MapIndex.Assignment maps;
    private final boolean cache;
    private final Map<String, Decoded> decoded = new ConcurrentHashMap<>();

    /** A decoded image and its averaged map (null if it has none). */
    private record Decoded(RgbImage image, FloatMap map) {}

    /**
     * @param preprocessing input size and normalisation
     * @param camHeight rows of the CAM the maps are resized to
     * @param camWidth columns of the CAM
     * @param maps each image's human maps ({@link MapIndex.Assignment#none()} for none)
     * @param cache keep decoded images and maps in memory
     */
    public SampleLoader(Preprocessing preprocessing, int camHeight, int camWidth, MapIndex.Assignment maps,
            boolean cache) {
        this.preprocessing = preprocessing;
        this.camHeight = camHeight;
        this.camWidth = camWidth;
        this.maps = maps;
        this.cache = cache;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** Whether the sample has at least one human map file (which may still be constant). */
    public boolean hasMap(Sample s) {
        return !maps.mapsFor(s).isEmpty();
    }

    /** Loads and prepares a sample; {@code withMap} false skips the map (scoring, validation). */
    public PreparedSample load(Sample s, Augmentation.Params aug, boolean withMap) throws BadInputException {
        return load(s, new LoadPlan(aug, withMap ? MapNeeds.CAM : MapNeeds.NONE, null));
    }

    /** Loads and prepares a sample as {@code plan} says. */
    public PreparedSample load(Sample s, LoadPlan plan) throws BadInputException {
        boolean withMap = plan.maps().any() || plan.counterexample() != null;
        Decoded d = decode(s, withMap);
        Augmentation.Params aug = plan.aug();
        RgbImage img = d.image();
        float[] map = d.map() == null ? null : d.map().values().clone();
        int mapW = d.map() == null ? 0 : d.map().width();
        int mapH = d.map() == null ? 0 : d.map().height();
        if (aug.crops()) {
            int[] b = aug.box(img.width(), img.height());
            img = Geometry.crop(img, b[0], b[1], b[2], b[3]);
            if (map != null) {
                int[] mb = aug.box(mapW, mapH);
                map = Geometry.crop(map, mapW, mapH, mb[0], mb[1], mb[2], mb[3]);
                mapW = mb[2];
                mapH = mb[3];
            }
        }
        if (aug.flip()) {
            img = Geometry.flipHorizontal(img);
            if (map != null) {
                map = Geometry.flipHorizontal(map, mapW, mapH);
            }
        }
        float[] input = tensor(img);
        if (map != null && FloatMaps.isConstant(map)) {
            // Min-max normalisation would make it an all-zero target, which no normalised CAM (its
            // maximum is 1) can match and the reference's (x - min) / (max - min) turns into NaN:
            // such a map (or crop of one) marks nothing, so the image trains as one without a map.
            map = null;
        }
        if (map == null) {
            return new PreparedSample(input, null, null);
        }
        int size = preprocessing.size();
        float[] inputMap = plan.maps().input() || plan.counterexample() != null
                ? FloatMaps.minMaxNormalized(Resampler.resize(map, mapW, mapH, size, size)) : null;
        if (plan.counterexample() != null) {
            Sample donor = plan.counterexample().donor();
            float[] fill = donor == null ? null : tensor(decode(donor, false).image());
            Counterexamples.blend(input, fill, inputMap, plan.counterexample().noiseSeed());
        }
        float[] camMap = plan.maps().any()
                ? FloatMaps.minMaxNormalized(Resampler.resize(map, mapW, mapH, camWidth, camHeight)) : null;
        return new PreparedSample(input, camMap, plan.maps().input() ? inputMap : null);
    }

    /** The normalised CHW tensor of an image resized to the input size. */
    private float[] tensor(RgbImage img) {
        return preprocessing.input(img);
    }

    private Decoded decode(Sample s, boolean withMap) throws BadInputException {
        Decoded d = cache ? decoded.get(s.key()) : null;
        if (d != null && (d.map() != null || !withMap || !hasMap(s))) {
            return d;
        }
        RgbImage image = d != null ? d.image() : readImage(s);
        FloatMap map = null;
        List<java.nio.file.Path> files = maps.mapsFor(s);
        if (withMap && !files.isEmpty()) {
            map = HumanMaps.average(files, new ImageSize(image.width(), image.height()), s.origin());
        }
        d = new Decoded(image, map);
        if (cache) {
            decoded.put(s.key(), d);
        }
        return d;
    }

    private static RgbImage readImage(Sample s) throws BadInputException {
        try {
            return ImageFiles.readRgb(s.image());
        } catch (ImageDecodeException e) {
            throw new BadInputException(s.origin(), BadInputReason.ofImage(s.image(), e), e.getMessage());
        }
    }
}
