package cyborg.web.annotate.imports;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads brush masks from a Label Studio "JSON" export: a list of tasks, each with
 * {@code data.image} and {@code annotations[].result[]}. Results of type {@code brushlabels} with
 * {@code value.format "rle"} are decoded as label-studio-converter's {@code brush.py} does (see
 * {@link LabelStudioRle}; mask = alpha &gt; 0). Cancelled/skipped annotations, other result types and
 * predictions are listed in {@link Imported#skipped()}.
 */
public final class LabelStudioMasks {
    /** Label Studio's upload path: /data/upload/PROJECT/8-hex-uuid-NAME. */
    private static final Pattern UPLOAD = Pattern.compile("^(?:.*/)?data/upload/(?:[^/]+/)*[0-9a-fA-F]{8}-(.+)$");

    private LabelStudioMasks() {
    }

    public static Imported read(Path exportJson) throws IOException {
        JsonElement root = JsonFields.parse(exportJson, "a Label Studio JSON export (a list of tasks)");
        if (root.isJsonObject() && root.getAsJsonObject().has("data")) {
            JsonArray one = new JsonArray();
            one.add(root);
            root = one; // a single task
        }
        if (!root.isJsonArray()) {
            throw new IOException(exportJson + ": expected a Label Studio JSON export, a list of tasks with"
                    + " 'data' and 'annotations'; export the project as 'JSON' (JSON-MIN and CSV carry no brush"
                    + " RLE)" + (root.isJsonObject() && root.getAsJsonObject().has("images")
                            ? "; this looks like COCO, import it as COCO" : ""));
        }
        MaskSet out = new MaskSet();
        JsonArray tasks = root.getAsJsonArray();
        for (int t = 0; t < tasks.size(); t++) {
            readTask(exportJson, t, tasks.get(t), out);
        }
        return out.result();
    }

    private static void readTask(Path file, int index, JsonElement element, MaskSet out) throws IOException {
        String where = file + ": task #" + index;
        if (!element.isJsonObject()) {
            throw new IOException(where + ": expected an object with 'data' and 'annotations', found " + abbrev(element));
        }
        JsonObject task = element.getAsJsonObject();
        String id = JsonFields.person(task.get("id"));
        if (id != null) {
            where = file + ": task #" + index + " (id " + id + ")";
        }
        String image = imageName(task, where);
        JsonElement annotationsElement = task.has("annotations") ? task.get("annotations") : task.get("completions");
        if (task.has("predictions") && task.get("predictions").isJsonArray()
                && task.getAsJsonArray("predictions").size() > 0) {
            out.skip(where + " (" + image + "): " + task.getAsJsonArray("predictions").size()
                    + " prediction(s) ignored: model output, not a human annotation");
        }
        if (annotationsElement == null || annotationsElement.isJsonNull()) {
            out.skip(where + " (" + image + "): no annotations");
            return;
        }
        if (!annotationsElement.isJsonArray()) {
            throw new IOException(where + ": field 'annotations' must be a list, found " + abbrev(annotationsElement));
        }
        JsonArray annotations = annotationsElement.getAsJsonArray();
        if (annotations.isEmpty()) {
            out.skip(where + " (" + image + "): no annotations");
        }
        for (int a = 0; a < annotations.size(); a++) {
            readAnnotation(where, image, a, annotations.get(a), out);
        }
    }

    private static void readAnnotation(String taskWhere, String image, int index, JsonElement element, MaskSet out)
            throws IOException {
        String where = taskWhere + ", annotation #" + index;
        if (!element.isJsonObject()) {
            throw new IOException(where + ": expected an object with 'result', found " + abbrev(element));
        }
        JsonObject annotation = element.getAsJsonObject();
        String id = JsonFields.person(annotation.get("id"));
        if (id != null) {
            where += " (id " + id + ")";
        }
        String annotator = JsonFields.person(annotation.get("completed_by"));
        if (annotator == null) {
            throw new IOException(where + ": field 'completed_by' is missing or empty; an imported mask needs"
                    + " its annotator (a user id, or an object with 'email')");
        }
        if (flag(annotation, "was_cancelled") || flag(annotation, "skipped")) {
            out.skip(where + " (" + image + ", by " + annotator + "): cancelled/skipped in Label Studio");
            return;
        }
        JsonElement resultElement = annotation.get("result");
        if (resultElement == null || !resultElement.isJsonArray()) {
            throw new IOException(where + ": field 'result' must be a list, found " + abbrev(resultElement));
        }
        JsonArray results = resultElement.getAsJsonArray();
        int brushes = 0;
        Set<String> otherTypes = new LinkedHashSet<>();
        for (int r = 0; r < results.size(); r++) {
            String resultWhere = where + ", result #" + r;
            if (!results.get(r).isJsonObject()) {
                throw new IOException(resultWhere + ": expected an object, found " + abbrev(results.get(r)));
            }
            JsonObject result = results.get(r).getAsJsonObject();
            String type = JsonFields.isString(result.get("type")) ? result.get("type").getAsString() : "?";
            if (!type.equalsIgnoreCase("brushlabels") && !type.equalsIgnoreCase("brush")) {
                otherTypes.add(type);
                continue;
            }
            int width = JsonFields.positiveInt(result, "original_width", resultWhere);
            int height = JsonFields.positiveInt(result, "original_height", resultWhere);
            if ((long) width * height > Limits.MAX_PIXELS) {
                throw new IOException(resultWhere + ": image " + width + "x" + height + " is larger than "
                        + Limits.MAX_PIXELS + " pixels");
            }
            JsonElement valueElement = result.get("value");
            if (valueElement == null || !valueElement.isJsonObject()) {
                throw new IOException(resultWhere + ": field 'value' must be an object with 'format' and 'rle'");
            }
            JsonObject value = valueElement.getAsJsonObject();
            String format = JsonFields.isString(value.get("format")) ? value.get("format").getAsString() : null;
            if (format != null && !format.equals("rle")) {
                throw new IOException(resultWhere + ": brush 'value.format' is '" + format + "'; only Label Studio's"
                        + " \"rle\" brush format can be imported");
            }
            JsonElement rleElement = value.has("rle") ? value.get("rle") : result.get("rle");
            if (rleElement == null || !rleElement.isJsonArray()) {
                throw new IOException(resultWhere + ": field 'value.rle' must be a list of bytes (0-255), found "
                        + abbrev(rleElement) + "; re-export the project as 'JSON'");
            }
            JsonArray rle = rleElement.getAsJsonArray();
            int[] bytes = new int[rle.size()];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = (int) JsonFields.whole(rle.get(k), 0, 255, resultWhere, "value.rle[" + k + "]");
            }
            boolean[] mask;
            try {
                mask = LabelStudioRle.decode(bytes, width, height);
            } catch (IllegalArgumentException e) {
                throw new IOException(resultWhere + ": field 'value.rle' is not a valid Label Studio brush RLE: "
                        + e.getMessage(), e);
            }
            out.add(image, annotator, width, height, mask, resultWhere);
            brushes++;
        }
        if (brushes == 0) {
            out.skip(where + " (" + image + ", by " + annotator + "): no brush mask"
                    + (otherTypes.isEmpty() ? " (empty result)" : " (result types: " + String.join(", ", otherTypes) + ")"));
        } else if (!otherTypes.isEmpty()) {
            out.skip(where + " (" + image + ", by " + annotator + "): non-brush results ignored (types: "
                    + String.join(", ", otherTypes) + ")");
        }
    }

    private static boolean flag(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }

    /** The image's file name from {@code data.image} (or the only string field of {@code data}). */
    private static String imageName(JsonObject task, String where) throws IOException {
        JsonElement dataElement = task.get("data");
        if (dataElement == null || !dataElement.isJsonObject()) {
            throw new IOException(where + ": field 'data' must be an object holding the image ('data.image')");
        }
        JsonObject data = dataElement.getAsJsonObject();
        JsonElement image = data.get("image");
        if (image == null) {
            List<String> strings = new ArrayList<>();
            for (Map.Entry<String, JsonElement> e : data.entrySet()) {
                if (JsonFields.isString(e.getValue())) {
                    strings.add(e.getKey());
                }
            }
            if (strings.size() != 1) {
                throw new IOException(where + ": field 'data.image' is missing and data has " + strings.size()
                        + " text fields " + strings + "; name the image field 'image' in the labeling config");
            }
            image = data.get(strings.get(0));
        }
        if (!JsonFields.isString(image) || image.getAsString().isBlank()) {
            throw new IOException(where + ": field 'data.image' must be the image's URL or path, found " + abbrev(image));
        }
        return imageName(image.getAsString());
    }

    /**
     * The file name in a Label Studio image reference: {@code /data/upload/3/abcd1234-NAME.png} gives
     * {@code NAME.png} (the 8-hex-digit prefix Label Studio adds on upload is dropped);
     * {@code /data/local-files/?d=dir/NAME.png} gives {@code NAME.png}; any other URL or path gives its
     * percent-decoded base name without query.
     */
    static String imageName(String reference) {
        String s = reference.strip();
        int q = s.indexOf('?');
        if (q >= 0) {
            String query = s.substring(q + 1);
            s = s.substring(0, q);
            for (String pair : query.split("&")) {
                if (pair.startsWith("d=")) {
                    s = pair.substring(2); // local files storage: ?d=relative/path
                }
            }
        }
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        try {
            s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not percent-encoded after all: keep as is
        }
        Matcher m = UPLOAD.matcher(s);
        if (m.matches() && !m.group(1).contains("/")) {
            return m.group(1);
        }
        String base = s.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.isEmpty() ? reference.strip() : base;
    }

    private static String abbrev(JsonElement e) {
        if (e == null) {
            return "nothing";
        }
        String s = e.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
