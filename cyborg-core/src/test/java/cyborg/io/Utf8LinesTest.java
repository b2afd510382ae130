package cyborg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class Utf8LinesTest {
    @TempDir
    Path dir;

    @Test
    void linesKeepTheirNumbersWithoutLineEndingsOrByteOrderMark() throws IOException {
        Path f = Files.writeString(dir.resolve("a.csv"), "\uFEFFone\r\n\ntwo é\n");
        List<Utf8Lines.Line> lines = Utf8Lines.read(f);
        assertEquals(List.of("one", "", "two é"), lines.stream().map(Utf8Lines.Line::text).toList());
        assertEquals(3, lines.get(2).number());
    }

    @Test
    void aLatin1ByteIsNamedWithItsColumnInsteadOfBecomingAReplacementCharacter() throws IOException {
        Path f = Files.write(dir.resolve("a.csv"), "ok\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        List<Utf8Lines.Line> lines = Utf8Lines.read(f);
        assertTrue(lines.get(0).isText());
        assertFalse(lines.get(1).isText());
        assertNull(lines.get(1).text());
        assertEquals("byte 0xE9 at column 4 is not UTF-8", lines.get(1).problem());
    }

    @Test
    void aUtf16FileIsRefusedNamingIt() throws IOException {
        Path f = Files.write(dir.resolve("u16.csv"), "a,b\n".getBytes(StandardCharsets.UTF_16));
        IOException e = assertThrows(IOException.class, () -> Utf8Lines.read(f));
        assertTrue(e.getMessage().startsWith(f + ": ") && e.getMessage().contains("UTF-16"), e.getMessage());
    }

    @Test
    void aNulByteMarksTheLineAsNotText() throws IOException {
        Path f = Files.write(dir.resolve("a.csv"), "a,b\n".getBytes(StandardCharsets.UTF_16LE));
        assertTrue(Utf8Lines.read(f).get(0).problem().contains("NUL"));
    }

    /** What differs between "expected 'imagepath,score'" and a line that looks the same is shown. */
    @Test
    void shownEscapesWhatDoesNotShow() {
        assertEquals("'a,0.5'", Utf8Lines.shown("a,0.5"));
        assertEquals("'a,0.5\\u00A0'", Utf8Lines.shown("a,0.5\u00a0"));
        assertEquals("'\\uFEFFa\\u200B,b\\t\\r'", Utf8Lines.shown("\ufeffa\u200b,b\t\r"));
        assertEquals("'caf\u00e9 \uD83D\uDE00'", Utf8Lines.shown("caf\u00e9 \uD83D\uDE00"));
    }

    /** A folder read as a text file: the OS's "Is a directory" named no path. */
    @Test
    void aFolderIsRefusedNamingIt(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> Utf8Lines.read(dir));
        assertEquals(dir + ": is a folder, not a text file; give the file's path", e.getMessage());
    }
}
