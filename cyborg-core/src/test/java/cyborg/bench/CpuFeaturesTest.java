package cyborg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

class CpuFeaturesTest {
    @Test
    void aCpuWithoutBfloat16FlagsSaysEverythingRanInFloat32() {
        CpuFeatures zen3 = new CpuFeatures(Set.of("avx2", "fma"), "BF16");
        assertEquals(List.of(), zen3.bfloat16Flags());
        assertTrue(zen3.bfloat16Summary().contains("no bfloat16 units"), zen3.bfloat16Summary());
    }

    @Test
    void theFlagsAndOneDnnsSettingDecideWhatTheSummarySays() {
        CpuFeatures unset = new CpuFeatures(Set.of("avx512f", "avx512_bf16"), null);
        assertEquals(List.of("avx512_bf16"), unset.bfloat16Flags());
        assertFalse(unset.bfloat16Convolutions());
        assertTrue(unset.bfloat16Summary().contains("unused"), unset.bfloat16Summary());
        CpuFeatures set = new CpuFeatures(Set.of("amx_bf16", "avx512_bf16"), " bf16 ");
        assertTrue(set.bfloat16Convolutions());
        assertTrue(set.bfloat16Summary().contains("ran in bfloat16"), set.bfloat16Summary());
        assertFalse(new CpuFeatures(Set.of("avx512_bf16"), "strict").bfloat16Convolutions());
    }
}
