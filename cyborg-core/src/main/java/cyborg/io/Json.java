package cyborg.io;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.EOFException;
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

    /** How Gson's reader words a text that stops inside a value, before " at line L column C path P". */
    private static final String END_OF_INPUT = "End of input";
    /** Gson's advice to programmers on malformed text, before " at line L column C path P". */
    private static final String LENIENT_ADVICE =
            "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON";

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
            throw new IOException(file + ": not valid JSON for " + type.getSimpleName() + ": " + problem(e), e);
        }
    }

    /**
     * What the parser found wrong with a JSON text, in one line for a user: its own words with the
     * line, column and path (no exception class, no help link), said plainly where they are a
     * programmer's: a text that ends inside a value was cut short, and "use a lenient reader" means
     * malformed JSON.
     */
    public static String problem(JsonParseException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause().getMessage() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "cannot parse" : root.getMessage();
        message = message.lines().findFirst().orElse(message).trim();
        if (root instanceof EOFException && message.startsWith(END_OF_INPUT)) {
            return "the text ends too early (the file is cut short?)" + message.substring(END_OF_INPUT.length());
        }
        int lenient = message.indexOf(LENIENT_ADVICE);
        return lenient < 0 ? message : "malformed JSON" + message.substring(lenient + LENIENT_ADVICE.length());
    }
}
