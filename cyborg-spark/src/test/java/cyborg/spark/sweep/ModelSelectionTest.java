package cyborg.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class ModelSelectionTest {
    static RunResult run(String id, double valAuc, double camEntropy) {
        RunResult r = new RunResult();
        r.id = id;
        r.valAuc = valAuc;
        r.camEntropy = camEntropy;
        return r;
    }

    // a: best validation AUC; b: most stable; c: lowest entropy
    private final List<RunResult> runs = List.of(run("a", 0.90, 3.0), run("b", 0.80, 2.5), run("c", 0.70, 1.0));
    private final Map<String, Double> stability = Map.of("a", 0.2, "b", 0.9, "c", 0.5);

    @Test
    void eachCriterionPicksItsBestRun() {
        assertEquals("a", ModelSelection.parse("val-auc").select(runs, stability).selected());
        assertEquals("b", ModelSelection.parse("stability").select(runs, stability).selected());
        assertEquals("c", ModelSelection.parse("entropy").select(runs, stability).selected());
    }

    @Test
    void aBlendWeighsMinMaxScaledMeasures() {
        // val-auc scaled: a 1, b 0.5, c 0; stability: a 0, b 1, c 3/7; entropy (reversed): a 0, b 0.25, c 1
        ModelSelection.Selection s = ModelSelection.parse("blend:val-auc=0.5,stability=0.5").select(runs, stability);
        assertEquals("b", s.selected());
        assertEquals(0.75, s.ranking().get(0).score(), 1e-12);
        assertEquals(List.of("b", "a", "c"), s.ranking().stream().map(ModelSelection.Ranked::id).toList());
        ModelSelection.Selection equal = ModelSelection.parse("blend").select(runs, stability);
        // a: 1/3, b: (0.5 + 1 + 0.25)/3, c: (0 + 3/7 + 1)/3
        assertEquals("b", equal.selected());
        assertEquals((0.5 + 1 + 0.25) / 3, equal.ranking().get(0).score(), 1e-12);
        assertEquals("c", ModelSelection.parse("blend:val-auc=0,entropy=2").select(runs, stability).selected());
    }

    @Test
    void runsWithoutTheNeededValueAreNoCandidates() {
        ModelSelection.Selection s = ModelSelection.parse("stability").select(runs, Map.of("c", 0.5));
        assertEquals("c", s.selected());
        assertTrue(s.note().startsWith("2 of 3 runs lack"), s.note());
        ModelSelection.Selection none = ModelSelection.parse("stability").select(runs, Map.of());
        assertNull(none.selected());
        assertTrue(none.note().contains("two or more seeds"), none.note());
        // without stability values, val-auc still selects
        assertEquals("a", ModelSelection.parse("val-auc").select(runs, Map.of()).selected());
    }

    @Test
    void tiesGoToTheEarlierRun() {
        assertEquals("x", ModelSelection.parse("val-auc").select(List.of(run("x", 0.5, 1), run("y", 0.5, 1)), Map.of())
                .selected());
    }

    @Test
    void refusesUnknownCriteriaAndBadWeights() {
        for (String bad : List.of("auc", "blend:auc=1", "blend:val-auc", "blend:val-auc=-1", "blend:val-auc=0",
                "blend:val-auc=x", "blend:val-auc=1,val-auc=2")) {
            assertThrows(IllegalArgumentException.class, () -> ModelSelection.parse(bad), bad);
        }
    }
}
