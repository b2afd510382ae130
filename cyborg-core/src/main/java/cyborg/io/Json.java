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
            throw new IOException(file + ": not valid JSON for " + type.getSimpleName() + ": " + plain(e), e);
        }
    }

    /** The parser's own words: its deepest cause's first line (no exception class, no help link). */
    private static String plain(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause().getMessage() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "cannot parse" : root.getMessage();
        return message.lines().findFirst().orElse(message).trim();
    }
}
