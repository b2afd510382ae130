package cyborg.web.annotate;

import cyborg.data.MapIndex;
import cyborg.data.Origin;
import cyborg.data.Sample;
import cyborg.image.ImageDecodeException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well the saved masks match a data set's own human maps (a folder as {@code cyborg train --maps}
 * reads it, matched to images the same way, {@link MapIndex}): per mask, the mean IoU against each
 * map of its image (maps binarised as masks are: a pixel is marked at 128 or more; a map of another
 * size resampled to the mask's, nearest pixel), then averaged per annotator.
 */
public final class MapAgreement {
    /**
     * One annotator's masks against the maps.
     *
     * @param masks masks whose image has maps
     * @param meanIou the mean over those masks of their mean IoU against the image's maps; null without any
     */
    public record AnnotatorIou(String annotator, int masks, Double meanIou) {
    }

    /**
     * @param dir the map folder, as given
     * @param imagesWithMaps images of the database that have maps
     */
    public record Result(String dir, int imagesWithMaps, List<AnnotatorIou> perAnnotator, AnnotatorIou overall) {
    }

    private MapAgreement() {
    }

    public static Result of(List<StoredAnnotation> annotations, List<ImageRecord> images, Path mapDir)
            throws IOException {
        List<Sample> samples = new ArrayList<>();
        Map<Long, Sample> byImage = new HashMap<>();
        for (ImageRecord i : images) {
            // only the identity matters to the matching: the path is never read
            Sample s = new Sample(i.path(), MapExport.id(i), Path.of(i.name()), i.label(), "", "",
                    new Origin(Path.of(i.path()), 0));
            samples.add(s);
            byImage.put(i.id(), s);
        }
        MapIndex.Assignment assigned = MapIndex.scan(mapDir).assign(samples);
        Map<Long, List<StoredAnnotation>> masked = new java.util.LinkedHashMap<>();
        for (StoredAnnotation a : annotations) {
            if (a.maskPng() != null && byImage.containsKey(a.image().id())) {
                masked.computeIfAbsent(a.image().id(), k -> new ArrayList<>()).add(a);
            }
        }
        int withMaps = 0;
        for (ImageRecord i : images) {
            withMaps += assigned.mapsFor(byImage.get(i.id())).isEmpty() ? 0 : 1;
        }
        Map<String, double[]> sums = new TreeMap<>(); // annotator -> {sum of IoU, masks}
        double[] all = new double[2];
        // one image at a time: its maps are read, compared with its masks, and let go
        for (Map.Entry<Long, List<StoredAnnotation>> e : masked.entrySet()) {
            List<Path> files = assigned.mapsFor(byImage.get(e.getKey()));
            if (files.isEmpty()) {
                continue;
            }
            List<Mask> reference = new ArrayList<>();
            for (Path f : files) {
                reference.add(read(f));
            }
            for (StoredAnnotation a : e.getValue()) {
                Mask mask = decode(a);
                double sum = 0;
                for (Mask map : reference) {
                    sum += Mask.iou(mask, resized(map, mask.width(), mask.height()));
                }
                double iou = sum / reference.size();
                double[] s = sums.computeIfAbsent(a.annotator(), k -> new double[2]);
                s[0] += iou;
                s[1]++;
                all[0] += iou;
                all[1]++;
            }
        }
        List<AnnotatorIou> per = new ArrayList<>();
        sums.forEach((name, s) -> per.add(new AnnotatorIou(name, (int) s[1], s[0] / s[1])));
        return new Result(mapDir.toString(), withMaps, per,
                new AnnotatorIou(StudyStats.EVERYONE, (int) all[1], all[1] == 0 ? null : all[0] / all[1]));
    }

    private static Mask read(Path file) throws IOException {
        try {
            return Mask.decode(Files.readAllBytes(file), file.toString(), Long.MAX_VALUE);
        } catch (ImageDecodeException e) {
            throw new IOException("human map " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Mask decode(StoredAnnotation a) throws IOException {
        try {
            return Mask.decode(a.maskPng(), a.image().name() + " mask", Long.MAX_VALUE);
        } catch (ImageDecodeException e) {
            throw new IOException("annotation " + a.id() + ": its stored mask cannot be read: " + e.getMessage(), e);
        }
    }

    /** The map at w x h, each pixel taken from the nearest one (a map's edges stay hard, as a mask's). */
    static Mask resized(Mask m, int w, int h) {
        if (m.width() == w && m.height() == h) {
            return m;
        }
        boolean[] bits = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(m.height() - 1, (int) ((y + 0.5) * m.height() / h));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(m.width() - 1, (int) ((x + 0.5) * m.width() / w));
                bits[y * w + x] = m.bits()[sy * m.width() + sx];
            }
        }
        return new Mask(w, h, bits);
    }
}
