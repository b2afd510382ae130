package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.synth.SynthTask;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class SynthCommandTest {
    @Test
    void helpAndErrorsListEveryTaskFromTheRegistry() {
        Cli help = Cli.run("synth", "--help");
        Cli bad = Cli.run("synth", "--task", "mnist", "--out", "x");
        assertEquals(2, bad.status, bad.toString());
        for (SynthTask t : SynthTask.values()) {
            assertTrue(help.out.contains(t.id()), help.out);
            assertTrue(bad.err.contains(t.id()), bad.err);
        }
    }

    @Test
    void decoyTaskWritesTheReferenceLayoutAndRejectsFaceOptions(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("synth", "--task", "decoy", "--out", dir.resolve("d").toString(), "--train-per-class", "3",
                "--val-per-class", "1", "--test-per-class", "2");
        assertEquals(0, r.status, r.toString());
        List<String> rows = Files.readAllLines(dir.resolve("d/split.csv"));
        assertEquals(12, rows.size());
        for (String row : rows) {
            String[] f = row.split(",");
            assertTrue(List.of("train", "val", "test").contains(f[0]) && List.of("Real", "Synthetic").contains(f[1]), row);
            assertTrue(Files.isRegularFile(dir.resolve("d/images" + f[2])), row);
        }
        Cli faceOption = Cli.run("synth", "--task", "decoy", "--out", dir.resolve("e").toString(), "--shortcut-rate", "0.5");
        assertEquals(1, faceOption.status, faceOption.toString());
        assertTrue(faceOption.err.contains("--shortcut-rate"), faceOption.err);
    }
}
