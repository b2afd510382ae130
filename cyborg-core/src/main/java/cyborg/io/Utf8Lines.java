package cyborg.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a text file's lines as strict UTF-8, each with its line number. A line that is not UTF-8
 * text keeps the byte that makes it so instead of its text: a lenient reader would turn it into
 * U+FFFD (and a path into one that does not exist) and {@code Files.readAllLines} would fail
 * without naming the file or the line.
 */
public final class Utf8Lines {
    private static final String BOM = "\uFEFF";

    private Utf8Lines() {}

    /**
     * One line, without its line ending.
     *
     * @param number 1-based line number
     * @param text the line, or null when it is not UTF-8 text
     * @param problem what is wrong with the line when {@code text} is null
     */
    public record Line(int number, String text, String problem) {
        public boolean isText() {
            return text != null;
        }
    }

    /**
     * The lines of {@code file}: split at {@code \n} (a trailing {@code \r} is dropped), a leading
     * byte-order mark removed.
     *
     * @throws IOException when the file is UTF-16 (it has a UTF-16 byte-order mark), naming it
     */
    public static List<Line> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new IOException(file + ": the file is UTF-16 text; re-save it as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int number = 1; start < bytes.length; number++) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            lines.add(decode(bytes, start, stop, number, decoder));
            start = end + 1;
        }
        return lines;
    }

    private static Line decode(byte[] bytes, int start, int stop, int number, CharsetDecoder decoder) {
        for (int i = start; i < stop; i++) {
            if (bytes[i] == 0) {
                // NUL is valid UTF-8 but never text: a UTF-16 file without byte-order mark, or a binary file.
                return new Line(number, null, "a NUL byte at column " + (i - start + 1)
                        + " (is the file UTF-16 or binary?)");
            }
        }
        try {
            String text = decoder.reset().decode(ByteBuffer.wrap(bytes, start, stop - start)).toString();
            return new Line(number, number == 1 && text.startsWith(BOM) ? text.substring(1) : text, null);
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes, start, stop, decoder);
            return new Line(number, null, String.format(Locale.ROOT, "byte 0x%02X at column %d is not UTF-8",
                    bytes[bad] & 0xFF, bad - start + 1));
        }
    }

    /** The first byte of the longest prefix that fails to decode, i.e. where decoding breaks. */
    private static int firstBadByte(byte[] bytes, int start, int stop, CharsetDecoder decoder) {
        ByteBuffer in = ByteBuffer.wrap(bytes, start, stop - start);
        CharBuffer out = CharBuffer.allocate(stop - start + 1);
        decoder.reset().decode(in, out, true);
        return in.position();
    }
}
