package cyborg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("plot.svg");
        Files.writeString(target, "old");
        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void writtenFileKeepsNormalPermissions() throws IOException {
        Path target = dir.resolve("model.json");
        AtomicFiles.writeString(target, "{}");
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(target);
        org.junit.jupiter.api.Assertions.assertTrue(
                perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
                        || perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                "owner-only permissions leaked from the temporary file: " + perms);
    }

    @Test
    void createsMissingParentDirectories() throws IOException {
        Path target = dir.resolve("runs/run-1/roc.svg");
        AtomicFiles.write(target, out -> out.write('x'));
        assertEquals("x", Files.readString(target));
    }

    @Test
    void failedWriteKeepsOldFileAndRemovesTemporaryFile() throws IOException {
        Path target = dir.resolve("plot.svg");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write('x');
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void aFullDiskIsReportedNamingTheTargetAsGiven() {
        Path target = dir.resolve("model.safetensors");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new IOException("No space left on device"); // what FileOutputStream says, without a path
        }));
        assertEquals(target + ": no space left on the device; free some space or write elsewhere", e.getMessage());
    }

    @Test
    void aFolderWhereTheFileGoesIsReportedNamingIt() throws IOException {
        Path target = Files.createDirectories(dir.resolve("scores.csv"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "x"));
        assertEquals(target + ": is a folder where a file is expected; remove it or choose another file name",
                e.getMessage());
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void aFileWhereAFolderGoesIsReportedNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "x");
        Path target = file.resolve("run/model.json");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "{}"));
        assertEquals(target + ": " + file + " is a file where a folder is expected; remove it or choose another path",
                e.getMessage());
    }

    @Test
    void aLongNameThatFitsTheFileSystemIsWritten() throws IOException {
        Path target = dir.resolve("x".repeat(250) + ".csv");
        AtomicFiles.writeString(target, "x");
        assertEquals("x", Files.readString(target));
    }

    @Test
    void aSymlinkStaysALinkAndItsTargetGetsTheContent() throws IOException {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("scores.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("scores.csv"), Path.of("elsewhere", "scores.csv"));
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a regular file");
        assertEquals("new", Files.readString(real));
        assertEquals(List.of(real), filesIn(real.getParent()), "no temporary file left beside the target");
    }

    @Test
    void aDanglingSymlinkIsWrittenThroughToTheFileItNames() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), dir.resolve("made/later.csv"));
        AtomicFiles.writeString(link, "x");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("x", Files.readString(dir.resolve("made/later.csv")));
    }

    @Test
    void aSymlinkToAFolderIsRefusedNamingTheLink() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Path link = Files.createSymbolicLink(dir.resolve("scores.csv"), folder);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(link, "x"));
        assertEquals(link + ": is a folder where a file is expected; remove it or choose another file name",
                e.getMessage());
    }

    @Test
    void aLoopOfLinksIsRefusedNamingIt() throws IOException {
        Path a = dir.resolve("a.csv");
        Files.createSymbolicLink(a, dir.resolve("b.csv"));
        Files.createSymbolicLink(dir.resolve("b.csv"), a);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(a, "x"));
        assertTrue(e.getMessage().startsWith(a + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("symbolic links"), e.getMessage());
    }

    @Test
    void aNamedPipeIsWrittenThroughInOrderAndStaysAPipe() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("scores.fifo"));
        String content = "a,0.1\n".repeat(100_000); // larger than a pipe's buffer: the reader must see it all, in order
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AtomicFiles.writeString(fifo, content);
        assertEquals(content, read.get(30, TimeUnit.SECONDS));
        assertTrue(SpecialFiles.isOther(fifo), "the pipe was replaced by a regular file");
    }

    @Test
    void aNullDeviceIsWrittenThroughAndStaysADevice() throws IOException {
        Path nul = SpecialFiles.charDevice(dir.resolve("null"), 1, 3);
        AtomicFiles.writeString(nul, "discarded");
        assertTrue(SpecialFiles.isOther(nul), "the device node was replaced by a regular file");
        assertEquals(0, Files.size(nul));
    }

    @Test
    void aFullDeviceReportsNoSpaceNamingThePathAndStaysADevice() throws IOException {
        Path full = SpecialFiles.charDevice(dir.resolve("full"), 1, 7);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(full, "lost scores"));
        assertEquals(full + ": no space left on the device; free some space or write elsewhere", e.getMessage());
        assertTrue(SpecialFiles.isOther(full), "the device node was replaced by a regular file");
    }

    @Test
    void aSymlinkToAFullDeviceReportsNoSpaceNamingTheLink() throws IOException {
        Path full = SpecialFiles.charDevice(dir.resolve("full"), 1, 7);
        Path link = Files.createSymbolicLink(dir.resolve("scores.csv"), full);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(link, "lost scores"));
        assertEquals(link + ": no space left on the device; free some space or write elsewhere", e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void appendingToALogOnAFullDeviceNamesIt() throws IOException {
        Path full = SpecialFiles.charDevice(dir.resolve("full"), 1, 7);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.appendString(full, "{}\n"));
        assertEquals(full + ": no space left on the device; free some space or write elsewhere", e.getMessage());
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
