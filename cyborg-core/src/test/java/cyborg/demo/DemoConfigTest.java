package cyborg.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.train.TrainConfig;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

class DemoConfigTest {
    @Test
    void rrrJoinsTheMethodsOnlyWhenAskedForJustBeforeTheRecommendedOne() {
        List<String> plain = DemoConfig.defaults(Path.of("o"), false, 1).methods().stream().map(DemoMethod::name).toList();
        List<String> with = DemoConfig.defaults(Path.of("o"), false, 1, true).methods().stream()
                .map(DemoMethod::name).toList();
        assertFalse(plain.contains("rrr"));
        assertEquals(plain.size() + 1, with.size());
        assertEquals("rrr", with.get(with.size() - 3));
        assertEquals("cyborg+cf", with.get(with.size() - 2));
    }

    @Test
    void theShortcutFreeReferenceComesLastAndTrainsOnTheCeilingSplit() {
        for (boolean quick : new boolean[] {false, true}) {
            List<DemoMethod> methods = DemoConfig.defaults(Path.of("o"), quick, 1).methods();
            DemoMethod last = methods.get(methods.size() - 1);
            assertEquals(DemoConfig.CEILING, last);
            assertEquals("split-ceiling.csv", last.splitFile());
            assertEquals(1, methods.stream().filter(DemoMethod::shortcutFree).count());
        }
        assertTrue(DemoConfig.CEILING.commandLine().startsWith("--csv split-ceiling.csv --loss ce"),
                DemoConfig.CEILING.commandLine());
    }

    @Test
    void recommendedArgsReproduceTheRecommendedRowsTraining() {
        DemoConfig c = DemoConfig.defaults(Path.of("o"), false, 1);
        DemoMethod rec = c.recommendedMethod();
        TrainConfig run = rec.config(c.training(), 7);
        assertEquals(rec.loss(), run.lossSpec());
        assertTrue(run.cliArgs().containsAll(rec.extraArgs()), run.cliArgs() + " vs " + rec.extraArgs());
    }

    @Test
    void aRecommendationOutsideTheMethodsIsRefused() {
        DemoConfig c = DemoConfig.defaults(Path.of("o"), true, 1);
        assertThrows(IllegalArgumentException.class, () -> new DemoConfig(c.out(), 1, 64, 4, 4, 4, c.seeds(),
                c.methods(), "nonexistent", c.training()));
    }
}
