package cyborg.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputsTest {
    @TempDir
    Path dir;

    @Test
    void anOutputThatIsTheInputCsvIsRefusedNamingBothOptions() throws IOException {
        Path csv = Files.writeString(dir.resolve("in.csv"), "test,Real,/a.png\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Outputs.refuseInputs(
                List.of(new Outputs.Named("--out", csv)), List.of(new Outputs.Named("--csv", csv))));
        assertEquals(csv + " is both an output (--out) and an input (--csv); writing it would overwrite the input:"
                + " choose another output path", e.getMessage());
    }

    @Test
    void anOutputThatIsALinkToAnInputIsRefusedNamingTheInputToo() throws IOException {
        Path csv = Files.writeString(dir.resolve("in.csv"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), csv);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Outputs.refuseInputs(
                List.of(new Outputs.Named("--out", link)), List.of(new Outputs.Named("--csv", csv))));
        assertEquals(link + " is both an output (--out) and an input (--csv " + csv + "); writing it would overwrite"
                + " the input: choose another output path", e.getMessage());
    }

    @Test
    void theSamePathSpelledAnotherWayIsRefused() throws IOException {
        Files.writeString(dir.resolve("in.csv"), "x");
        Path other = dir.resolve("sub/../in.csv");
        assertThrows(IllegalArgumentException.class, () -> Outputs.refuseInputs(
                List.of(new Outputs.Named("--out", other)), List.of(new Outputs.Named("--csv", dir.resolve("in.csv")))));
    }

    @Test
    void aHardLinkToAnInputIsRefused() throws IOException {
        Path csv = Files.writeString(dir.resolve("in.csv"), "x");
        Path hard = Files.createLink(dir.resolve("hard.csv"), csv);
        assertThrows(IllegalArgumentException.class, () -> Outputs.refuseInputs(
                List.of(new Outputs.Named("--out", hard)), List.of(new Outputs.Named("--csv", csv))));
    }

    @Test
    void distinctAndMissingOutputsPass() throws IOException {
        Path csv = Files.writeString(dir.resolve("in.csv"), "x");
        Path other = Files.writeString(dir.resolve("old-scores.csv"), "x");
        assertDoesNotThrow(() -> Outputs.refuseInputs(
                List.of(new Outputs.Named("--out", other), new Outputs.Named("--cams", dir.resolve("cams"))),
                List.of(new Outputs.Named("--csv", csv), new Outputs.Named("--images", dir))));
    }
}
