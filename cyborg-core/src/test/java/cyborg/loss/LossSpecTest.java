package cyborg.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class LossSpecTest {

    @Test
    void presetsExpandToTheirTerms() {
        assertEquals("ce:1", LossSpec.parse("ce", 0.5).toString());
        assertEquals("ce:0.5,cyborg:0.5", LossSpec.parse("cyborg", 0.5).toString());
        assertEquals("ce:0.8,cyborg:0.2", LossSpec.parse("CYBORG", 0.8).toString());
        assertEquals("ce:0.5,cyborg:0.5,logent:0.5", LossSpec.parse("focus", 0.5).toString());
    }

    @Test
    void composedSpecRoundTripsAndDefaultsWeightToOne() {
        CompositeLoss loss = LossSpec.parse("ce:0.5, mse , log1p(logent:0.25,entmatch:2)", 0.5);
        assertEquals("ce:0.5,cyborg:1,log1p(logent:0.25,entmatch:2)", loss.toString());
        assertEquals(loss.toString(), LossSpec.parse(loss.toString(), 0.5).toString());
    }

    @Test
    void rrrIsAPresetAndATerm() {
        CompositeLoss preset = LossSpec.parse("rrr", 0.5);
        assertEquals("ce:1,rrr:" + LossSpec.format(LossSpec.RRR_WEIGHT), preset.toString());
        assertEquals(LossSpec.RRR_PRESET, preset.toString());
        assertTrue(preset.usesInputGradient());
        assertTrue(preset.usesMaps());
        CompositeLoss mixed = LossSpec.parse("ce:1,cyborg:0.5,rrr:10", 0.5);
        assertEquals("ce:1,cyborg:0.5,rrr:10", mixed.toString());
        assertTrue(mixed.usesInputGradient());
        assertFalse(LossSpec.parse("focus", 0.5).usesInputGradient());
        assertEquals(preset.toString(), LossSpec.parse(preset.toString(), 0.5).toString());
    }

    @Test
    void onlyTermsThatReadHumanMapsNeedThem() {
        assertFalse(LossSpec.parse("ce", 0.5).usesMaps());
        assertFalse(LossSpec.parse("ce:1,ent:0.1,logent:0.1", 0.5).usesMaps());
        for (String term : new String[] {"cyborg", "mse", "kl", "entmatch", "rrr"}) {
            assertTrue(LossSpec.parse("ce:1," + term + ":0.5", 0.5).usesMaps(), term);
        }
        assertEquals(List.of("ce", "logent"), LossSpec.parse("focus", 0.5).mapFreeTermNames());
    }

    @Test
    void specsThatTrainNothingAreRefused() {
        for (String spec : new String[] {"ce:0", "cyborg:0", "ce:0,cyborg:0", "log1p(ce:0,ent:0)", "ce:0,log1p(kl:0)"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossSpec.parse(spec, 0.5));
            assertTrue(e.getMessage().contains("every weight is 0"), e.getMessage());
        }
        assertEquals("ce:1,rrr:0", LossSpec.parse("ce:1,rrr:0", 0.5).toString()); // a term logged, not trained
    }

    @Test
    void aTermGivenTwiceIsRefusedNamingItsAlias() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossSpec.parse("ce:0.5,cyborg:0.25,mse:0.25", 0.5));
        assertTrue(e.getMessage().contains("cyborg appears twice (mse is another name of cyborg)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LossSpec.parse("ce,log1p(ce:1)", 0.5));
    }

    @Test
    void anUnknownTermListsEveryRegisteredTermAndPreset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossSpec.parse("cyborgg", 0.5));
        assertTrue(e.getMessage().contains("(terms: ce, cyborg, mse, kl, logent, ent, entmatch, rrr;"), e.getMessage());
        assertTrue(e.getMessage().contains("preset (ce, cyborg, focus, rrr)"), e.getMessage());
    }

    @Test
    void alphaThatIsNotANumberIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossSpec.parse("cyborg", Double.NaN));
        assertTrue(e.getMessage().startsWith("--alpha must lie in [0, 1]"), e.getMessage());
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossSpec.parse("ce:0.5,foo:1", 0.5));
        assertTrue(e.getMessage().contains("unknown term 'foo'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LossSpec.parse("ce:x", 0.5));
        assertThrows(IllegalArgumentException.class, () -> LossSpec.parse("ce:-1", 0.5));
        assertThrows(IllegalArgumentException.class, () -> LossSpec.parse("ce,,cyborg", 0.5));
        assertThrows(IllegalArgumentException.class, () -> LossSpec.parse("log1p(ce", 0.5));
        assertThrows(IllegalArgumentException.class, () -> LossSpec.parse("cyborg", 1.5));
    }
}
