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
        assertEquals("rrr", with.get(with.size() - 2));
        assertEquals("cyborg+cf", with.get(with.size() - 1));
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
