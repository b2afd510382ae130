package cyborg.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Option range checks: the option, the range and the value given, in one message. */
class RangesTest {
    private static String refused(Runnable check) {
        return assertThrows(IllegalArgumentException.class, check::run).getMessage();
    }

    @Test
    void intRangeNamesOptionRangeAndValue() {
        assertEquals("--size must lie in 32..2048 for resnet18, got 0",
                refused(() -> Ranges.within("--size", 0, 32, 2048, "for resnet18")));
        assertEquals("--batch must be at least 2 (batch norm needs two images), got 1",
                refused(() -> Ranges.atLeast("--batch", 1, 2, "batch norm needs two images")));
        assertEquals(32, Ranges.within("--size", 32, 32, 2048, ""));
    }

    @Test
    void nanAndInfinityAreRefusedWhereTheRangeIsFinite() {
        assertEquals("--lr must be a finite number above 0, got NaN", refused(() -> Ranges.positive("--lr", Double.NaN)));
        assertEquals("--weight-decay must be a finite number of at least 0, got Infinity",
                refused(() -> Ranges.nonNegative("--weight-decay", Double.POSITIVE_INFINITY)));
        assertEquals("--momentum must lie in [0, 1), got 1",
                refused(() -> Ranges.within("--momentum", 1.0, 0, true, 1, false)));
        assertEquals(0.9, Ranges.within("--momentum", 0.9, 0, true, 1, false));
    }
}
