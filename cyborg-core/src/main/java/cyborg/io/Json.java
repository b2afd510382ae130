package cyborg.io;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JSON conventions of cyborg's files: snake_case keys, pretty-printed, NaN allowed. */
public final class Json {
    /** Pretty-printed, for sidecars and reports. */
    public static final Gson PRETTY = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .serializeSpecialFloatingPointValues()
            .setPrettyPrinting()
            .create();
    /** One line, for JSON-lines logs. */
    public static final Gson COMPACT = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .serializeSpecialFloatingPointValues()
            .create();

    private Json() {}

    /** Writes {@code value} as pretty JSON, atomically. */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, PRETTY.toJson(value) + "\n");
    }

    /** Reads {@code file} as {@code type}, naming the file in errors. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw IoFaults.at(file, e);
        }
        try {
            T value = PRETTY.fromJson(text, type);
            if (value == null) {
                throw new IOException(file + ": empty JSON file");
            }
            return value;
        } catch (JsonParseException e) {
            throw new IOException(file + ": not valid JSON for " + type.getSimpleName() + ": " + firstLine(e), e);
        }
    }

    /** Gson's own words, without the exception class it wraps or the help link on the next line. */
    private static String firstLine(JsonParseException e) {
        String m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        return m == null ? "unreadable" : m.lines().findFirst().orElse(m);
    }
}
