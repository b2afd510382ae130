package cyborg.web.annotate;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import cyborg.data.ImageId;
import cyborg.data.ImageOutputs;
import cyborg.image.ImageDecodeException;
import cyborg.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the saved masks as the maps {@code cyborg train --maps DIR} reads: {@code DIR/<annotator>/ID.png}
 * (ID: the image's path under the data root without its extension, e.g. {@code real/ffhq/0000}, so
 * that same-named images in different folders keep their own maps; 8-bit gray, 0/255, the image's
 * size), each file written atomically. An annotator who masked one image twice keeps the latest. Merged maps (the
 * mean of the annotators' masks) go to a separate folder only: in DIR itself, MapIndex would
 * average them together with the per-annotator maps, counting every annotator twice.
 */
public final class MapExport {
    // labels as the API, the CSV and the split files spell them (Real, Synthetic), not as enum names
    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).disableHtmlEscaping()
            .registerTypeAdapter(cyborg.data.Label.class,
                    (com.google.gson.JsonSerializer<cyborg.data.Label>) (label, type, context) ->
                            new com.google.gson.JsonPrimitive(label.displayName()))
            .create();
    /** The agreement report written next to the maps (not an image, so map scans skip it). */
    public static final String REPORT = "agreement.csv";

    /** What was written. */
    public record Summary(int maps, int merged, int records, List<Agreement.ImageAgreement> agreement,
            List<Agreement.AnnotatorRecord> annotators) {
    }

    private MapExport() {
    }

    /**
     * Writes per-annotator maps to {@code maps} (and its {@value #REPORT}), merged maps to
     * {@code merged} if not null, and every kept record as JSON lines to {@code jsonl} if not null.
     */
    public static Summary write(List<StoredAnnotation> annotations, Path maps, Path merged, Path jsonl)
            throws IOException {
        return write(annotations, Map.of(), maps, merged, jsonl);
    }

    /**
     * As {@link #write(List, Path, Path, Path)}, each JSON line also carrying its annotation's newest
     * review from {@code reviews} (by annotation id; none when unreviewed).
     */
    public static Summary write(List<StoredAnnotation> annotations, Map<Long, Review> reviews, Path maps, Path merged,
            Path jsonl) throws IOException {
        Map<String, StoredAnnotation> latest = new TreeMap<>(); // annotator/ID -> newest annotation with a mask
        for (StoredAnnotation a : annotations) {
            if (a.maskPng() != null) {
                latest.put(a.annotator() + "/" + a.image().path(), a);
            }
        }
        Map<String, ImageOutputs> perAnnotator = new TreeMap<>();
        Map<Long, List<Mask>> byImage = new LinkedHashMap<>();
        for (StoredAnnotation a : latest.values()) {
            Mask mask = decode(a);
            Path file = perAnnotator.computeIfAbsent(a.annotator(), n -> new ImageOutputs(maps.resolve(n)))
                    .path(id(a.image()), ".png");
            AtomicFiles.write(file, out -> out.write(mask.png()));
            byImage.computeIfAbsent(a.image().id(), k -> new ArrayList<>()).add(mask);
        }
        int mergedCount = 0;
        if (merged != null) {
            ImageOutputs mergedMaps = new ImageOutputs(merged);
            for (StoredAnnotation a : latest.values()) {
                List<Mask> masks = byImage.remove(a.image().id());
                if (masks != null) {
                    byte[] png = mean(masks);
                    AtomicFiles.write(mergedMaps.path(id(a.image()), ".png"), out -> out.write(png));
                    mergedCount++;
                }
            }
        }
        List<Agreement.ImageAgreement> agreement;
        try {
            agreement = Agreement.perImage(annotations);
        } catch (ImageDecodeException e) {
            throw new IOException("a stored mask cannot be read: " + e.getMessage(), e);
        }
        AtomicFiles.writeString(maps.resolve(REPORT), csv(agreement));
        if (jsonl != null) {
            StringBuilder lines = new StringBuilder();
            for (StoredAnnotation a : annotations) {
                lines.append(GSON.toJson(Line.of(a, reviews.get(a.id())))).append('\n');
            }
            AtomicFiles.writeString(jsonl, lines.toString());
        }
        return new Summary(latest.size(), mergedCount, annotations.size(), agreement,
                Agreement.perAnnotator(annotations));
    }

    /**
     * One JSON line: the record with its image named, strokes as JSON, the mask as base64 PNG, and
     * its newest review (left out when unreviewed).
     */
    record Line(long id, Long task, String annotator, String mode, String source, ImageRecord image,
            ImageRecord otherImage, String decision, Boolean correct, Long msDecide, Long msPaint, JsonElement strokes,
            String text, String created, String maskPng, Verdict review) {
        static Line of(StoredAnnotation a, Review review) {
            JsonElement strokes = a.strokes() == null ? null : JsonParser.parseString(a.strokes());
            String mask = a.maskPng() == null ? null : Base64.getEncoder().encodeToString(a.maskPng());
            return new Line(a.id(), a.task(), a.annotator(), a.mode(), a.source(), a.image(), a.otherImage(),
                    a.decision(), a.correct(), a.msDecide(), a.msPaint(), strokes, a.text(), a.created(), mask,
                    review == null ? null : new Verdict(review.verdict(), review.reason(), review.reviewer(),
                            review.created()));
        }
    }

    /** A review as a JSON line carries it. */
    record Verdict(String verdict, String reason, String reviewer, String created) {
    }

    static String csv(List<Agreement.ImageAgreement> rows) {
        StringBuilder s = new StringBuilder("image_id,name,label,masks,mean_iou,mean_ssim,decisions,accuracy\n");
        for (Agreement.ImageAgreement r : rows) {
            s.append(r.id()).append(',').append(quoted(r.name())).append(',').append(r.label()).append(',')
                    .append(r.masks()).append(',').append(number(r.iou())).append(',').append(number(r.ssim()))
                    .append(',').append(r.decisions()).append(',').append(number(r.accuracy())).append('\n');
        }
        return s.toString();
    }

    private static String number(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.6f", d);
    }

    private static String quoted(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static Mask decode(StoredAnnotation a) throws IOException {
        try {
            return Mask.decode(a.maskPng(), a.image().name() + " mask", Long.MAX_VALUE);
        } catch (ImageDecodeException e) {
            throw new IOException("annotation " + a.id() + ": its stored mask cannot be read: " + e.getMessage(), e);
        }
    }

    /** The mean of binary masks as a gray map (0..255, rounded). */
    private static byte[] mean(List<Mask> masks) {
        Mask first = masks.get(0);
        int[] sum = new int[first.bits().length];
        for (Mask m : masks) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += m.bits()[i] ? 255 : 0;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.round((float) sum[i] / masks.size());
        }
        return Mask.grayPng(first.width(), first.height(), sum);
    }

    /**
     * The identity maps of this image are named by, as MapIndex matches it: its stored path under
     * the data root (an image outside the root was stored with its absolute path, which loses its
     * leading '/' here so that its map stays inside the maps folder).
     */
    static ImageId id(ImageRecord image) {
        String path = image.path();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return new ImageId(path);
    }
}
