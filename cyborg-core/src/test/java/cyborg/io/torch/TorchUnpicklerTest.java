package cyborg.io.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile or broken pickles: nothing runs, nothing huge is allocated, errors are IOExceptions. */
class TorchUnpicklerTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aCallToAnUnknownGlobalIsOnlyAPlaceholder() throws IOException {
        // os.system('echo pwned') in protocol 2
        byte[] p = bytes("\200\002cos\nsystem\nX\012\000\000\000echo pwned\205R.");
        Object o = TorchUnpickler.load(p, pid -> null);
        assertEquals(new OpaqueObject(new PickleGlobal("os", "system")), o);
    }

    @Test
    void aCheckpointWhoseRootIsSuchACallIsRejected() throws IOException {
        Path f = dir.resolve("evil.pt");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry("evil/data.pkl"));
            z.write(bytes("\200\002cos\nsystem\nX\002\000\000\000ls\205R."));
        }
        Files.write(f, b.toByteArray());
        IOException e = assertThrows(IOException.class, () -> TorchCheckpoint.read(f));
        assertTrue(e.getMessage().contains("os.system") && e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    @Test
    void aHugeLengthFailsWithoutAllocating() {
        byte[] p = bytes("\200\002X\377\377\377\177.");
        IOException e = assertThrows(IOException.class, () -> TorchUnpickler.load(p, pid -> null));
        assertTrue(e.getMessage().contains("ends early"), e.getMessage());
    }

    @Test
    void malformedPicklesAreIOExceptions() {
        for (String p : new String[] {"", "\200\002", "\200\002t.", "\200\002K\001K\002K\003s.", "\200\002h\005.",
                "\200\002S'text protocol'\n."}) {
            assertThrows(IOException.class, () -> TorchUnpickler.load(bytes(p), pid -> null), p);
        }
    }
}
