package cyborg.web.annotate;

import cyborg.explain.Ssim;
import cyborg.image.ImageDecodeException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much annotators agree, per image: the mean pairwise IoU and SSIM of their masks (null with
 * fewer than two masks; SSIM also needs 7x7 pixels), and human accuracy, the share of correct
 * decisions among the tasks that showed the image. Per annotator: annotations and accuracy (work
 * decisions only, {@link StoredAnnotation#workDecision}; gold ones are {@link GoldScore}'s).
 */
public final class Agreement {
    /** One image's agreement. */
    public record ImageAgreement(long id, String name, String label, int masks, Double iou, Double ssim,
            int decisions, Double accuracy) {
    }

    /** One annotator's record. */
    public record AnnotatorRecord(String name, int annotations, int decisions, int correct, Double accuracy) {
    }

    private Agreement() {
    }

    /** Per image, in id order, over the given annotations. */
    public static List<ImageAgreement> perImage(List<StoredAnnotation> annotations) throws ImageDecodeException {
        Map<Long, List<Mask>> masks = new TreeMap<>();
        Map<Long, int[]> decisions = new TreeMap<>(); // image -> {decided, correct}
        Map<Long, ImageRecord> images = new TreeMap<>();
        for (StoredAnnotation a : annotations) {
            images.put(a.image().id(), a.image());
            if (a.maskPng() != null) {
                masks.computeIfAbsent(a.image().id(), k -> new ArrayList<>())
                        .add(Mask.decode(a.maskPng(), a.image().name() + " mask", Long.MAX_VALUE));
            }
            for (ImageRecord shown : a.otherImage() == null ? List.of(a.image()) : List.of(a.image(), a.otherImage())) {
                images.put(shown.id(), shown);
                if (a.correct() != null) {
                    int[] d = decisions.computeIfAbsent(shown.id(), k -> new int[2]);
                    d[0]++;
                    d[1] += a.correct() ? 1 : 0;
                }
            }
        }
        List<ImageAgreement> out = new ArrayList<>();
        for (ImageRecord image : new TreeMap<>(images).values()) {
            List<Mask> m = masks.getOrDefault(image.id(), List.of());
            int[] d = decisions.getOrDefault(image.id(), new int[2]);
            out.add(new ImageAgreement(image.id(), image.name(), image.label().displayName(), m.size(), meanIou(m),
                    meanSsim(m), d[0], d[0] == 0 ? null : (double) d[1] / d[0]));
        }
        return out;
    }

    /** Per annotator, by name. */
    public static List<AnnotatorRecord> perAnnotator(List<StoredAnnotation> annotations) {
        Map<String, int[]> counts = new TreeMap<>(); // {annotations, decided, correct}
        for (StoredAnnotation a : annotations) {
            int[] c = counts.computeIfAbsent(a.annotator(), k -> new int[3]);
            c[0]++;
            if (a.workDecision()) {
                c[1]++;
                c[2] += a.correct() ? 1 : 0;
            }
        }
        List<AnnotatorRecord> out = new ArrayList<>();
        counts.forEach((name, c) -> out.add(new AnnotatorRecord(name, c[0], c[1], c[2],
                c[1] == 0 ? null : (double) c[2] / c[1])));
        return out;
    }

    /** Mean IoU over every pair of masks; null with fewer than two. */
    public static Double meanIou(List<Mask> masks) {
        return meanOverPairs(masks, false);
    }

    /** Mean SSIM (0/255 maps, scikit-image semantics) over every pair; null with fewer than two or under 7x7. */
    public static Double meanSsim(List<Mask> masks) {
        if (!masks.isEmpty() && (masks.get(0).width() < Ssim.WINDOW || masks.get(0).height() < Ssim.WINDOW)) {
            return null;
        }
        return meanOverPairs(masks, true);
    }

    private static Double meanOverPairs(List<Mask> masks, boolean ssim) {
        if (masks.size() < 2) {
            return null;
        }
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < masks.size(); i++) {
            for (int j = i + 1; j < masks.size(); j++) {
                Mask a = masks.get(i);
                Mask b = masks.get(j);
                sum += ssim ? Ssim.of(a.gray(), b.gray(), a.width(), a.height()) : Mask.iou(a, b);
                pairs++;
            }
        }
        return sum / pairs;
    }
}
