package cyborg.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NiceTicksTest {

    @Test
    void unitRangeGetsTicksEveryPointTwo() {
        NiceTicks ticks = NiceTicks.covering(new Range(0, 1), 5);
        // Exact comparison: 3 * 0.2 must come out as 0.6, not 0.6000000000000001.
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, ticks.values(), 0);
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), labels(ticks));
    }

    @Test
    void ticksStayInsideAnUnroundRange() {
        // Raw step 1.93 / 3 = 0.64 rounds to the nearest nice step, 0.5.
        NiceTicks ticks = NiceTicks.covering(new Range(0.56, 2.49), 3);
        assertEquals(List.of("1.0", "1.5", "2.0"), labels(ticks));
    }

    @Test
    void stepCanBeTwoAndAHalf() {
        assertEquals(List.of("0.0", "2.5", "5.0", "7.5", "10.0"),
                labels(NiceTicks.covering(new Range(0, 10), 4)));
    }

    @Test
    void largeStepsHaveNoDecimals() {
        assertEquals(List.of("0", "500", "1000", "1500", "2000"),
                labels(NiceTicks.covering(new Range(0, 2000), 4)));
    }

    @Test
    void smallStepsHaveEnoughDecimals() {
        // Raw step 0.0008 is nearer 0.001 than 0.0005.
        assertEquals(List.of("0.001", "0.002", "0.003", "0.004"),
                labels(NiceTicks.covering(new Range(0.001, 0.0042), 4)));
    }

    @Test
    void zeroIsNeverPrintedNegative() {
        NiceTicks ticks = NiceTicks.covering(new Range(-1, 1), 4);
        assertEquals(List.of("-1.0", "-0.5", "0.0", "0.5", "1.0"), labels(ticks));
        assertEquals("0.0", ticks.label(-0.0));
    }

    private static List<String> labels(NiceTicks ticks) {
        return Arrays.stream(ticks.values()).mapToObj(ticks::label).toList();
    }
}
