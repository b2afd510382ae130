package cyborg.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.train.TrainConfig;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

class DemoConfigTest {
    private static List<String> names(List<DemoMethod> methods) {
        return methods.stream().map(DemoMethod::name).toList();
    }

    @Test
    void theDefaultDemoTrainsWhatTellsTheStory() {
        assertEquals(List.of("ce", "cyborg", "cyborg+cf", "ceiling"),
                names(DemoConfig.defaults(Path.of("o"), false, 1).methods()));
        assertEquals(List.of(1L), DemoConfig.defaults(Path.of("o"), false, 1).seeds());
        // the recipe of docs/benchmark.md's runs E10 and E11: smallresnet-s2 at 96 px
        assertEquals(cyborg.model.Architecture.SMALLRESNET_S2, DemoConfig.defaults(Path.of("o"), false, 1).training().architecture());
        assertEquals(96, DemoConfig.defaults(Path.of("o"), false, 1).training().inputSize());
        assertEquals(List.of(1L, 2L, 3L), DemoConfig.defaults(Path.of("o"), false, 1).withSeeds(3).seeds());
    }

    @Test
    void theQuickDemoIsOneSeedOfCeTheRecommendedMethodAndTheReference() {
        DemoConfig quick = DemoConfig.defaults(Path.of("o"), true, 1);
        assertEquals(List.of("ce", "cyborg+cf", "ceiling"), names(quick.methods()));
        assertEquals(List.of(1L), quick.seeds());
    }

    @Test
    void allAddsFocusContrastCounterfactualAndRrr() {
        assertEquals(List.of("ce", "cyborg", "focus", "contrast", "counterfactual", "rrr", "cyborg+cf", "ceiling", "ce-4x"),
                names(DemoConfig.defaults(Path.of("o"), false, 1, true, false).methods()));
        assertEquals(names(DemoConfig.allMethods()), names(DemoConfig.methods(false, true, true)));
    }

    @Test
    void rrrJoinsTheMethodsOnlyWhenAskedForJustBeforeTheRecommendedOne() {
        List<String> plain = names(DemoConfig.defaults(Path.of("o"), false, 1).methods());
        List<String> with = names(DemoConfig.defaults(Path.of("o"), false, 1, true).methods());
        assertFalse(plain.contains("rrr"));
        assertEquals(List.of("ce", "cyborg", "rrr", "cyborg+cf", "ceiling"), with);
        assertEquals(List.of("ce", "rrr", "cyborg+cf", "ceiling"), names(DemoConfig.methods(true, false, true)));
    }

    @Test
    void withAddsNamedRowsInTableOrderAndRefusesUnknownOnesListingTheRows() {
        assertEquals(List.of("ce", "cyborg", "cyborg+cf", "ceiling", "ce-4x"),
                names(DemoConfig.defaults(Path.of("o"), false, 1, false, Set.of("ce-4x")).methods()));
        assertEquals(List.of("ce", "focus", "cyborg+cf", "ceiling"), names(DemoConfig.methods(true, false, Set.of("focus"))));
        assertEquals(names(DemoConfig.methods(false, false, true)), names(DemoConfig.methods(false, false, Set.of("rrr"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemoConfig.methods(false, false, Set.of("ce4x")));
        assertTrue(e.getMessage().contains("'ce4x'") && e.getMessage().contains(DemoConfig.rowNames()), e.getMessage());
        assertTrue(DemoConfig.rowNames().startsWith("ce, cyborg, "), DemoConfig.rowNames());
    }

    @Test
    void eachRowTrainsOnItsSplitFile() {
        for (DemoMethod m : DemoConfig.allMethods()) {
            String expected = switch (m.name()) {
                case "ceiling" -> "split-ceiling.csv";
                case "ce-4x" -> "split-4x.csv";
                default -> "split.csv";
            };
            assertEquals(expected, m.splitFile(), m.name());
            assertEquals(m.name().equals("ceiling"), m.reference(), m.name());
        }
        assertEquals("ce", DemoConfig.CE_4X.loss());
        assertTrue(DemoConfig.CEILING.commandLine().startsWith("--csv split-ceiling.csv --loss ce"),
                DemoConfig.CEILING.commandLine());
        assertEquals("--csv split-4x.csv --loss ce", DemoConfig.CE_4X.commandLine());
        assertEquals("--loss ce", DemoConfig.allMethods().get(0).commandLine());
        assertEquals(java.util.EnumSet.allOf(TrainingSplit.class), DemoConfig.defaults(Path.of("o"), false, 1, true, false).trainingSplits());
        assertEquals(java.util.EnumSet.of(TrainingSplit.BIASED, TrainingSplit.SHORTCUT_FREE),
                DemoConfig.defaults(Path.of("o"), true, 1).trainingSplits());
    }

    @Test
    void theMoreDataRowCannotBeTheRecommendedMethod() {
        DemoConfig c = DemoConfig.defaults(Path.of("o"), false, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DemoConfig(c.out(), 1, 64, 4,
                4, 4, c.seeds(), c.methods(), "ce-4x", c.training()));
        assertTrue(e.getMessage().contains("ce-4x"), e.getMessage());
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
