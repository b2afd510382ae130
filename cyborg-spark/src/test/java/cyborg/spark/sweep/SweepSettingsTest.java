package cyborg.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class SweepSettingsTest {
    private static final Path OUT = Path.of("/sweeps/s");

    private static Grid grid(String extra) {
        return Grid.parse(Path.of("/grids/g.json"), """
                {"datasets": [{"name": "b", "synth": {"seed": 1}}], "archs": ["smallresnet"], "losses": ["ce"],
                 "seeds": [1]%s}
                """.formatted(extra));
    }

    @Test
    void anOptionWinsOverTheGridWhichWinsOverTheDefault() {
        Grid withDefaults = grid(", \"cores_per_run\": 2, \"heap_per_run\": \"3g\", \"select\": \"entropy\"");
        Sweep.Settings fromGrid = Sweep.Settings.of(withDefaults, OUT, null, null, null, null, Trainer.class);
        assertEquals(2, fromGrid.coresPerRun());
        assertEquals("3g", fromGrid.heap());
        assertEquals(ModelSelection.parse("entropy").criterion(), fromGrid.selection().criterion());

        Sweep.Settings given = Sweep.Settings.of(withDefaults, OUT, "local[4]", 4, "512m", "stability", Trainer.class);
        assertEquals(4, given.coresPerRun());
        assertEquals("512m", given.heap());
        assertEquals(ModelSelection.parse("stability").criterion(), given.selection().criterion());

        Sweep.Settings defaults = Sweep.Settings.of(grid(""), OUT, null, null, null, null, Trainer.class);
        assertEquals(1, defaults.coresPerRun());
        assertEquals("2g", defaults.heap());
        assertEquals(ModelSelection.parse("val-auc").criterion(), defaults.selection().criterion());
    }

    /** A stand-in for the command-line tool, which this module does not know. */
    static final class Trainer {
        public static void main(String[] args) {}
    }

    @Test
    void theTrainingMainClassIsTheOneTheToolGives() {
        assertEquals(Trainer.class.getName(), Sweep.Settings.of(grid(""), OUT, null, null, null, null, Trainer.class)
                .trainMain());
        assertEquals("java.lang.String has no main method to train with", assertThrows(IllegalArgumentException.class,
                () -> Sweep.Settings.of(grid(""), OUT, null, null, null, null, String.class)).getMessage());
    }

    @Test
    void aBadCoreCountOrHeapSizeIsRefusedSayingWhatIsExpected() {
        assertEquals("--cores-per-run must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> Sweep.Settings.of(grid(""), OUT, null, 0, null, null, Trainer.class)).getMessage());
        assertEquals("--heap-per-run must be a Java heap size such as 2g, not '2 GB'",
                assertThrows(IllegalArgumentException.class,
                        () -> Sweep.Settings.of(grid(""), OUT, null, null, "2 GB", null, Trainer.class)).getMessage());
    }
}
