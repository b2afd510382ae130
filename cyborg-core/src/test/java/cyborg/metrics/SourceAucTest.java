package cyborg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceAucTest {

    private static final double EPS = 1e-12;

    @Test
    void comparesEachSourceWithAllOfTheOtherClass() {
        // Real: celeba {0.1, 0.3}, ffhq {0.6, 0.2}. Synthetic: stylegan {0.7, 0.9}, progan {0.3, 0.5}.
        double[] scores = {0.1, 0.3, 0.6, 0.2, 0.7, 0.9, 0.3, 0.5};
        int[] labels = {0, 0, 0, 0, 1, 1, 1, 1};
        String[] sources = {"celeba", "celeba", "ffhq", "ffhq", "stylegan", "stylegan", "progan",
                "progan"};
        Map<String, Double> auc = SourceAuc.compute(scores, labels, sources);

        assertEquals(List.of("celeba", "ffhq", "progan", "stylegan"), List.copyOf(auc.keySet()));
        // celeba vs all Synthetic: 0.7 and 0.9 beat both, 0.3 beats 0.1 and ties 0.3, 0.5 beats
        // both -> 7.5 of 8.
        assertEquals(0.9375, auc.get("celeba"), EPS);
        // ffhq vs all Synthetic: 0.7, 0.9 beat both; 0.3 and 0.5 beat only 0.2 -> 6 of 8.
        assertEquals(0.75, auc.get("ffhq"), EPS);
        // progan vs all Real: 0.3 beats 0.1, 0.2 and ties 0.3 (2.5); 0.5 beats 3 -> 5.5 of 8.
        assertEquals(0.6875, auc.get("progan"), EPS);
        assertEquals(1.0, auc.get("stylegan"), EPS);
    }

    @Test
    void sourcesLackingTheOtherClassAreOmitted() {
        Map<String, Double> onlySynthetic = SourceAuc.compute(new double[] {0.1, 0.9},
                new int[] {1, 1}, new String[] {"progan", "stylegan"});
        assertTrue(onlySynthetic.isEmpty());
        Map<String, Double> onlyReal = SourceAuc.compute(new double[] {0.1, 0.9},
                new int[] {0, 0}, new String[] {"ffhq", "celeba"});
        assertTrue(onlyReal.isEmpty());
    }

    @Test
    void rejectsSourceHoldingBothClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SourceAuc.compute(new double[] {0.1, 0.9}, new int[] {0, 1},
                        new String[] {"mixed", "mixed"}));
        assertTrue(e.getMessage().contains("mixed"));
    }

    @Test
    void rejectsSourcesOfWrongLengthOrNull() {
        assertThrows(IllegalArgumentException.class, () -> SourceAuc.compute(
                new double[] {0.1, 0.9}, new int[] {0, 1}, new String[] {"ffhq"}));
        assertThrows(IllegalArgumentException.class, () -> SourceAuc.compute(
                new double[] {0.1, 0.9}, new int[] {0, 1}, new String[] {"ffhq", null}));
    }
}
