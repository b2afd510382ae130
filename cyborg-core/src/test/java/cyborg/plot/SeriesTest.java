package cyborg.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesTest {

    @Test
    void nanAndInfinitePointsSplitTheLineIntoRuns() {
        Series s = new Series("loss", new double[] {0, 1, 2, 3, 4, 5},
                new double[] {1, Double.NaN, 2, 3, Double.POSITIVE_INFINITY, 4}, false);
        List<Series.FiniteRun> runs = s.finiteRuns();
        assertEquals(3, runs.size());
        assertArrayEquals(new double[] {0}, runs.get(0).xs());
        assertArrayEquals(new double[] {2, 3}, runs.get(1).xs());
        assertArrayEquals(new double[] {2, 3}, runs.get(1).ys());
        assertArrayEquals(new double[] {5}, runs.get(2).xs());
    }

    @Test
    void allMissingPointsGiveNoRuns() {
        Series s = new Series("empty", new double[] {Double.NaN, 1}, new double[] {0, Double.NaN},
                false);
        assertEquals(List.of(), s.finiteRuns());
    }

    @Test
    void keepsItsOwnCopyOfTheData() {
        double[] ys = {1, 2};
        Series s = new Series("loss", new double[] {0, 1}, ys, false);
        ys[0] = 99;
        assertArrayEquals(new double[] {1, 2}, s.ys());
    }

    @Test
    void rejectsCoordinatesOfDifferentLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> new Series("loss", new double[] {0, 1}, new double[] {1}, false));
    }
}
