package cyborg.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertTrue(preset.usesSaliency());
        CompositeLoss mixed = LossSpec.parse("ce:1,cyborg:0.5,rrr:10", 0.5);
        assertEquals("ce:1,cyborg:0.5,rrr:10", mixed.toString());
        assertTrue(mixed.usesInputGradient());
        assertFalse(LossSpec.parse("focus", 0.5).usesInputGradient());
        assertEquals(preset.toString(), LossSpec.parse(preset.toString(), 0.5).toString());
    }

    @Test
    void crossEntropyAloneNeedsNoSaliency() {
        assertFalse(LossSpec.parse("ce", 0.5).usesSaliency());
        assertTrue(LossSpec.parse("ce:1,ent:0.1", 0.5).usesSaliency());
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
