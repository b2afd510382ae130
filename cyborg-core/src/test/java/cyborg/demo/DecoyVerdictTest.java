package cyborg.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The decoy part's two findings, on the numbers of docs/decoy.md and on their counterparts. */
class DecoyVerdictTest {
    @Test
    void theRecommendedMethodReachesTheCeilingWithinTwoHundredthsAndNotBeyond() {
        DecoyVerdict measured = new DecoyVerdict("cyborg+cf", 0.994, 0.999, 0.549, 0.986);
        assertTrue(measured.reachesCeiling());
        assertTrue(measured.sentences().startsWith("cyborg+cf reaches the no-decoy ceiling: test AUC 0.994 against"
                + " 0.999 (within 0.02)."), measured.sentences());
        assertTrue(new DecoyVerdict("cyborg+cf", 0.979, 0.999, 0.549, 0.986).reachesCeiling(),
                "0.020 below counts: the rule says within 0.02");
        DecoyVerdict counterfactual = new DecoyVerdict("counterfactual", 0.858, 0.999, 0.549, 0.986);
        assertFalse(counterfactual.reachesCeiling());
        assertTrue(counterfactual.sentences().startsWith("counterfactual does not reach the no-decoy ceiling: test AUC"
                + " 0.858 against 0.999, 0.141 below"), counterfactual.sentences());
        assertFalse(new DecoyVerdict("cyborg+cf", 0.978, 0.999, 0.5, 0.5).reachesCeiling());
        // above the ceiling reaches it too
        assertTrue(new DecoyVerdict("cyborg+cf", 1.0, 0.97, 0.5, 0.5).reachesCeiling());
    }

    @Test
    void ceFollowsTheDecoyWhenItsScoresRankBySquareBetterThanByClass() {
        DecoyVerdict follows = new DecoyVerdict("cyborg+cf", 0.994, 0.999, 0.549, 0.986);
        assertTrue(follows.ceFollowsDecoy());
        assertTrue(follows.sentences().endsWith("CE follows the decoy: its scores rank the test images by the square's"
                + " shade (AUC 0.986) better than by their class (0.549)."), follows.sentences());
        DecoyVerdict ignores = new DecoyVerdict("cyborg+cf", 0.994, 0.999, 0.97, 0.52);
        assertFalse(ignores.ceFollowsDecoy());
        assertTrue(ignores.sentences().endsWith("CE does not follow the decoy: its scores rank the test images by their"
                + " class (AUC 0.970) at least as well as by the square's shade (0.520)."), ignores.sentences());
    }

    @Test
    void methodsNotRunAreSaidNotComparedAndCountAsNeither() {
        DecoyVerdict none = new DecoyVerdict("cyborg+cf", Double.NaN, 0.999, Double.NaN, Double.NaN);
        assertFalse(none.reachesCeiling());
        assertFalse(none.ceFollowsDecoy());
        assertEquals("The recommended method and the no-decoy ceiling were not both run, so they are not compared."
                + " CE was not run, so whether it follows the decoy is not measured.", none.sentences());
        assertEquals(false, none.json().get("reaches_ceiling"));
    }
}
