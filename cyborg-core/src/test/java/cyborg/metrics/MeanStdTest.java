package cyborg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MeanStdTest {

    @Test
    void stdIsPopulationStdLikeNumpyDefault() {
        // Deviations from 2.5: 1.5, 0.5, 0.5, 1.5 -> squares sum 5, / 4 = 1.25 (sample: 5/3).
        MeanStd s = MeanStd.of(1, 2, 3, 4);
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(1.25), s.std(), 1e-12);
        assertEquals(4, s.n());
    }

    @Test
    void singleValueHasZeroStd() {
        assertEquals(new MeanStd(0.7, 0, 1), MeanStd.of(0.7));
    }

    @Test
    void printsMeanPlusMinusStdWithThreeDecimalsInAnyLocale() {
        Locale original = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("0.612 ± 0.050", new MeanStd(0.6124, 0.05, 3).toString());
            assertEquals("0.6 ± 0.1", new MeanStd(0.6124, 0.05, 3).format(1));
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void rejectsNoValues() {
        assertThrows(IllegalArgumentException.class, MeanStd::of);
    }
}
