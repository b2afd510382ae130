package cyborg.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

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
     * {@code text} in single quotes for a message, with the characters that do not show escaped
     * ({@code \t}, {@code \r}, other controls, non-breaking and zero-width spaces, byte-order marks as
     * {@code \}{@code uXXXX}): otherwise "expected 'a,b', found 'a,b'" can hide what differs.
     */
    public static String shown(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('\'');
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || (type == Character.SPACE_SEPARATOR && c != ' ')) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append('\'').toString();
    }

    /**
     * The lines of {@code file}: split at {@code \n} (a trailing {@code \r} is dropped), a leading
     * byte-order mark removed.
     *
     * @throws IOException when the file is UTF-16 (it has a UTF-16 byte-order mark), naming it
     */
    public static List<Line> read(Path file) throws IOException {
        return read(open(file));
    }

    /** Every line of {@code in}, which this closes. */
    public static List<Line> read(Lines in) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (in) {
            while (in.hasNext()) {
                lines.add(in.next());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return lines;
    }

    /**
     * The lines of {@code file} as {@link #read} gives them, one at a time, for files too long to
     * hold: memory stays at one line whatever the file's length.
     *
     * @throws IOException when the file is UTF-16 (it has a UTF-16 byte-order mark), naming it
     */
    public static Lines open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            // reading it would fail with the OS's bare "Is a directory", naming no path
            throw new IOException(file + ": is a folder, not a text file; give the file's path");
        }
        return open(Files.newInputStream(file), file.toString());
    }

    /**
     * The lines of a stream as {@link #read} gives them, e.g. a file on a Hadoop file system;
     * {@code name} (its path or URI) is what errors call it. The stream is closed with the lines.
     *
     * @throws IOException when the text is UTF-16 (it has a UTF-16 byte-order mark), naming it
     */
    public static Lines open(InputStream stream, String name) throws IOException {
        InputStream in = new BufferedInputStream(stream);
        try {
            in.mark(2);
            int first = in.read();
            int second = in.read();
            if ((first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)) {
                throw new IOException(name + ": the file is UTF-16 text; re-save it as UTF-8");
            }
            in.reset();
            return new Lines(name, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** An open file's lines; {@link #hasNext} and {@link #next} fail with an unchecked {@link UncheckedIOException}. */
    public static final class Lines implements Iterator<Line>, Closeable {
        private final String file;
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Line next;
        private int number;

        private Lines(String file, InputStream in) {
            this.file = file;
            this.in = in;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = readLine();
            }
            return next != null;
        }

        @Override
        public Line next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Line line = next;
            next = null;
            return line;
        }

        private Line readLine() {
            buffer.reset();
            try {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                for (; b >= 0 && b != '\n'; b = in.read()) {
                    buffer.write(b);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": " + e.getMessage(), e);
            }
            byte[] bytes = buffer.toByteArray();
            int stop = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            return decode(bytes, 0, stop, ++number, decoder);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
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
