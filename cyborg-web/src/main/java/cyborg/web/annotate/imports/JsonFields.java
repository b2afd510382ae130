package cyborg.web.annotate.imports;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import cyborg.io.Json;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small typed accessors over Gson's tree whose failures name the place and the field. */
final class JsonFields {
    private JsonFields() {
    }

    static JsonElement parse(Path file, String what) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(in);
        } catch (JsonParseException e) {
            throw new IOException(file + ": not valid JSON: " + Json.problem(e) + "; expected " + what, e);
        }
    }

    static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    static boolean isNumber(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber();
    }

    /** A whole number in [min, max], or an IOException naming {@code where} and {@code field}. */
    static long whole(JsonElement e, long min, long max, String where, String field) throws IOException {
        if (!isNumber(e)) {
            throw new IOException(where + ": field '" + field + "' must be a number, found "
                    + (e == null ? "nothing" : e));
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d) || d < min || d > max) {
            throw new IOException(where + ": field '" + field + "' must be a whole number in [" + min + ", "
                    + max + "], found " + e);
        }
        return (long) d;
    }

    static int positiveInt(JsonObject o, String name, String where) throws IOException {
        return (int) whole(o.get(name), 1, 1 << 16, where, name);
    }

    /** A user reference (number, string, or object with email/username/name/id) as a string. */
    static String person(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            String s = p.isNumber() ? p.getAsBigDecimal().stripTrailingZeros().toPlainString() : p.getAsString();
            s = s.strip();
            return s.isEmpty() ? null : s;
        }
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            for (String key : new String[] {"email", "username", "name", "id"}) {
                String s = person(o.get(key));
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }
}
