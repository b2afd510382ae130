package cyborg.web.annotate.imports;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads masks from a COCO instances JSON (what CVAT's "COCO 1.0" export writes): {@code images[]}
 * with id, file_name, width and height, and {@code annotations[]} whose {@code segmentation} is
 * <ul>
 *   <li>polygons, a list of [x1, y1, x2, y2, ...], rasterised as pycocotools' {@code rleFrPoly}
 *       (see {@link CocoRle#frPoly}) and merged;</li>
 *   <li>uncompressed RLE, {@code {"counts": [ints], "size": [h, w]}}, column-major;</li>
 *   <li>compressed RLE, {@code {"counts": "string", "size": [h, w]}} ({@code rleFrString}).</li>
 * </ul>
 * The annotator is {@code attributes.annotator}, else a {@code user}, {@code creator} or
 * {@code annotator} field of the annotation (or of its attributes), else "coco". Annotations with
 * no segmentation (a bounding box only) are listed in {@link Imported#skipped()}. The image is
 * named by {@code file_name} as written in the file.
 */
public final class CocoMasks {
    /** The annotator of annotations that name none. */
    public static final String DEFAULT_ANNOTATOR = "coco";

    private CocoMasks() {
    }

    private record Image(String fileName, int width, int height) {
    }

    public static Imported read(Path cocoJson) throws IOException {
        JsonElement rootElement = JsonFields.parse(cocoJson, "a COCO JSON with 'images' and 'annotations'");
        if (!rootElement.isJsonObject() || !rootElement.getAsJsonObject().has("images")
                || !rootElement.getAsJsonObject().has("annotations")) {
            throw new IOException(cocoJson + ": expected a COCO JSON object with 'images' and 'annotations'"
                    + (rootElement.isJsonArray() ? "; this looks like a Label Studio export, import it as Label Studio"
                            : "") + "; export instances/segmentation as COCO (CVAT: 'COCO 1.0')");
        }
        JsonObject root = rootElement.getAsJsonObject();
        Map<String, Image> images = readImages(cocoJson, root.get("images"));
        JsonElement annotationsElement = root.get("annotations");
        if (!annotationsElement.isJsonArray()) {
            throw new IOException(cocoJson + ": field 'annotations' must be a list");
        }
        JsonArray annotations = annotationsElement.getAsJsonArray();
        MaskSet out = new MaskSet();
        for (int i = 0; i < annotations.size(); i++) {
            readAnnotation(cocoJson, i, annotations.get(i), images, out);
        }
        return out.result();
    }

    private static Map<String, Image> readImages(Path file, JsonElement element) throws IOException {
        if (!element.isJsonArray()) {
            throw new IOException(file + ": field 'images' must be a list");
        }
        Map<String, Image> images = new HashMap<>();
        JsonArray list = element.getAsJsonArray();
        for (int i = 0; i < list.size(); i++) {
            String where = file + ": image #" + i;
            if (!list.get(i).isJsonObject()) {
                throw new IOException(where + ": expected an object with id, file_name, width, height");
            }
            JsonObject image = list.get(i).getAsJsonObject();
            String id = JsonFields.person(image.get("id"));
            if (id == null) {
                throw new IOException(where + ": field 'id' is missing");
            }
            where += " (id " + id + ")";
            if (!JsonFields.isString(image.get("file_name")) || image.get("file_name").getAsString().isBlank()) {
                throw new IOException(where + ": field 'file_name' must be the image's file name");
            }
            int width = JsonFields.positiveInt(image, "width", where);
            int height = JsonFields.positiveInt(image, "height", where);
            if ((long) width * height > Limits.MAX_PIXELS) {
                throw new IOException(where + ": image " + width + "x" + height + " is larger than "
                        + Limits.MAX_PIXELS + " pixels");
            }
            if (images.put(id, new Image(image.get("file_name").getAsString(), width, height)) != null) {
                throw new IOException(where + ": image id " + id + " appears twice in 'images'; ids must be unique");
            }
        }
        return images;
    }

    private static void readAnnotation(Path file, int index, JsonElement element, Map<String, Image> images,
            MaskSet out) throws IOException {
        String where = file + ": annotation #" + index;
        if (!element.isJsonObject()) {
            throw new IOException(where + ": expected an object with image_id and segmentation");
        }
        JsonObject annotation = element.getAsJsonObject();
        String id = JsonFields.person(annotation.get("id"));
        if (id != null) {
            where += " (id " + id + ")";
        }
        String imageId = JsonFields.person(annotation.get("image_id"));
        Image image = imageId == null ? null : images.get(imageId);
        if (image == null) {
            throw new IOException(where + ": field 'image_id' " + (imageId == null ? "is missing"
                    : "is " + imageId + ", which is not in 'images'") + "; each annotation must name a listed image");
        }
        String annotator = annotator(annotation);
        JsonElement segmentation = annotation.get("segmentation");
        String what = where + " (" + image.fileName() + ", by " + annotator + ")";
        boolean[] mask;
        if (segmentation == null || segmentation.isJsonNull()
                || (segmentation.isJsonArray() && segmentation.getAsJsonArray().isEmpty())) {
            out.skip(what + ": no segmentation" + (annotation.has("bbox") ? " (bounding box only)" : ""));
            return;
        } else if (segmentation.isJsonArray()) {
            mask = polygons(segmentation.getAsJsonArray(), image, where, what, out);
            if (mask == null) {
                return;
            }
        } else if (segmentation.isJsonObject()) {
            mask = rle(segmentation.getAsJsonObject(), image, where);
        } else {
            throw new IOException(where + ": field 'segmentation' must be a list of polygons or an RLE object"
                    + " {counts, size}, found " + segmentation);
        }
        out.add(image.fileName(), annotator, image.width(), image.height(), mask, where);
    }

    private static boolean[] polygons(JsonArray list, Image image, String where, String what, MaskSet out)
            throws IOException {
        boolean[] mask = null;
        for (int p = 0; p < list.size(); p++) {
            String field = "segmentation[" + p + "]";
            JsonElement polygon = list.get(p);
            if (!polygon.isJsonArray()) {
                throw new IOException(where + ": field '" + field + "' must be a polygon [x1, y1, x2, y2, ...]"
                        + " (segmentation is a list of polygons), found " + polygon);
            }
            JsonArray coords = polygon.getAsJsonArray();
            if (coords.size() % 2 != 0) {
                throw new IOException(where + ": field '" + field + "' has " + coords.size()
                        + " numbers; a polygon needs x, y pairs");
            }
            if (coords.size() < 6) {
                out.skip(what + ": " + field + " has " + coords.size() / 2 + " point(s), fewer than a polygon's 3");
                continue;
            }
            double[] xy = new double[coords.size()];
            for (int k = 0; k < xy.length; k++) {
                JsonElement c = coords.get(k);
                if (!JsonFields.isNumber(c) || !Double.isFinite(c.getAsDouble())) {
                    throw new IOException(where + ": field '" + field + "[" + k + "]' must be a number, found " + c);
                }
                xy[k] = c.getAsDouble();
            }
            boolean[] part = CocoRle.decode(CocoRle.frPoly(xy, image.height(), image.width()),
                    image.height(), image.width());
            if (mask == null) {
                mask = part;
            } else {
                for (int i = 0; i < mask.length; i++) {
                    mask[i] |= part[i];
                }
            }
        }
        return mask;
    }

    private static boolean[] rle(JsonObject rle, Image image, String where) throws IOException {
        JsonElement size = rle.get("size");
        if (size == null || !size.isJsonArray() || size.getAsJsonArray().size() != 2) {
            throw new IOException(where + ": field 'segmentation.size' must be [height, width], found " + size);
        }
        long h = JsonFields.whole(size.getAsJsonArray().get(0), 0, Integer.MAX_VALUE, where, "segmentation.size[0]");
        long w = JsonFields.whole(size.getAsJsonArray().get(1), 0, Integer.MAX_VALUE, where, "segmentation.size[1]");
        if (h != image.height() || w != image.width()) {
            throw new IOException(where + ": field 'segmentation.size' is [" + h + ", " + w + "] (height, width)"
                    + " but image '" + image.fileName() + "' is " + image.height() + " high and " + image.width()
                    + " wide; the RLE must cover the whole image");
        }
        JsonElement countsElement = rle.get("counts");
        long[] counts;
        String kind;
        if (countsElement != null && countsElement.isJsonArray()) {
            kind = "uncompressed RLE";
            JsonArray list = countsElement.getAsJsonArray();
            counts = new long[list.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = JsonFields.whole(list.get(i), 0, 0xFFFFFFFFL, where, "segmentation.counts[" + i + "]");
            }
        } else if (JsonFields.isString(countsElement)) {
            kind = "compressed RLE";
            try {
                counts = CocoRle.frString(countsElement.getAsString());
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": field 'segmentation.counts' is not a valid compressed COCO RLE: "
                        + e.getMessage(), e);
            }
        } else {
            throw new IOException(where + ": field 'segmentation.counts' must be a list of run lengths"
                    + " (uncompressed RLE) or a string (compressed RLE), found " + countsElement);
        }
        try {
            return CocoRle.decode(counts, image.height(), image.width());
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": field 'segmentation.counts' (" + kind + "): " + e.getMessage(), e);
        }
    }

    private static String annotator(JsonObject annotation) {
        JsonObject attributes = annotation.has("attributes") && annotation.get("attributes").isJsonObject()
                ? annotation.getAsJsonObject("attributes") : new JsonObject();
        String[][] places = {
            {"attributes", "annotator"}, {"", "annotator"}, {"", "user"}, {"", "creator"},
            {"attributes", "user"}, {"attributes", "creator"}};
        for (String[] place : places) {
            JsonObject o = place[0].isEmpty() ? annotation : attributes;
            String s = JsonFields.person(o.get(place[1]));
            if (s != null) {
                return s;
            }
        }
        return DEFAULT_ANNOTATOR;
    }
}
