package cyborg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.model.Architecture;

import org.junit.jupiter.api.Test;

class SpeedBenchTest {
    @Test
    void measuresPositiveFiniteThroughputForTrainingAndScoring() {
        SpeedBench.Result r = SpeedBench.run(Architecture.SMALLRESNET, 32, 4, 1, 2);
        assertEquals(32, r.size());
        assertTrue(r.trainImagesPerSecond() > 0 && Double.isFinite(r.trainImagesPerSecond()));
        assertTrue(r.scoreImagesPerSecond() > 0 && Double.isFinite(r.scoreImagesPerSecond()));
    }
}
