package cyborg.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

class StartedWithTest {
    private static RunSpec run(String lossSpec, List<String> train) {
        return new RunSpec("d-smallresnet-x-s1", "d", "smallresnet", "x", lossSpec, List.of(), 1, train);
    }

    @Test
    void anInterruptedRunWhoseGridChangedIsRefusedNamingItsFileAndBothSettings(@TempDir Path dir) throws Exception {
        RunSpec before = run("ce", List.of("--epochs", "6"));
        StartedWith.record(dir, before.definingArgs());
        assertEquals(before.definingArgs(), StartedWith.read(dir));
        assertDoesNotThrow(() -> StartedWith.requireSame(StartedWith.read(dir), before, dir.resolve(StartedWith.FILE)));

        RunSpec after = run("ce", List.of("--epochs", "8"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StartedWith.requireSame(StartedWith.read(dir), after, dir.resolve(StartedWith.FILE)));
        assertTrue(e.getMessage().startsWith(dir.resolve(StartedWith.FILE).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("--epochs 6") && e.getMessage().contains("--epochs 8"), e.getMessage());
    }

    @Test
    void aRunThatNeverStartedHasNothingToCompare(@TempDir Path dir) throws Exception {
        assertNull(StartedWith.read(dir));
        assertDoesNotThrow(() -> StartedWith.requireSame(null, run("ce", List.of()), dir.resolve(StartedWith.FILE)));
    }
}
