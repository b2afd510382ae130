package cyborg.web.annotate;

import cyborg.image.ImageDecodeException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How each annotator did on gold pairs: decisions and the share right, and the mean IoU of their
 * masks against the image's human maps (each map made a mask as {@link ImageMaps#masks} does; a
 * mask's IoU is its mean over the image's maps) where the run has maps.
 */
public final class GoldScore {
    /**
     * One annotator's gold record.
     *
     * @param masksScored masks compared with a human map (gold images with a map in --maps)
     * @param iou mean IoU of those masks against the maps; null when none was compared
     */
    public record GoldRecord(String name, int goldDecisions, int goldCorrect, Double goldAccuracy, int masksScored,
            Double iou) {
    }

    private GoldScore() {
    }

    /** Per annotator with a gold decision or mask, by name; {@code maps} {@link ImageMaps#NONE} scores no IoU. */
    public static List<GoldRecord> perAnnotator(List<StoredAnnotation> annotations, ImageMaps maps)
            throws IOException {
        Map<String, int[]> decisions = new TreeMap<>(); // {decided, correct}
        Map<String, double[]> ious = new TreeMap<>(); // {sum, n}
        Map<Long, List<Mask>> goldMasks = new HashMap<>();
        for (StoredAnnotation a : annotations) {
            if (!a.gold()) {
                continue;
            }
            int[] d = decisions.computeIfAbsent(a.annotator(), k -> new int[2]);
            ious.computeIfAbsent(a.annotator(), k -> new double[2]);
            if (a.goldDecision()) {
                d[0]++;
                d[1] += a.correct() ? 1 : 0;
            }
            if (a.maskPng() == null || !maps.has(a.image().id())) {
                continue;
            }
            List<Mask> gold = goldMasks.get(a.image().id());
            if (gold == null) {
                gold = maps.masks(a.image());
                goldMasks.put(a.image().id(), gold);
            }
            Mask mask;
            try {
                mask = Mask.decode(a.maskPng(), a.image().name() + " mask", Long.MAX_VALUE);
            } catch (ImageDecodeException e) {
                throw new IOException("annotation " + a.id() + ": its stored mask cannot be read: " + e.getMessage(), e);
            }
            if (!gold.isEmpty()) { // each mask weighs the same, however many maps its image has
                double[] s = ious.get(a.annotator());
                s[0] += meanIou(mask, gold);
                s[1]++;
            }
        }
        List<GoldRecord> out = new ArrayList<>();
        decisions.forEach((name, d) -> {
            double[] s = ious.get(name);
            out.add(new GoldRecord(name, d[0], d[1], d[0] == 0 ? null : (double) d[1] / d[0], (int) s[1],
                    s[1] == 0 ? null : s[0] / s[1]));
        });
        return out;
    }

    private static double meanIou(Mask mask, List<Mask> gold) {
        double sum = 0;
        for (Mask g : gold) {
            sum += Mask.iou(mask, g);
        }
        return sum / gold.size();
    }
}
