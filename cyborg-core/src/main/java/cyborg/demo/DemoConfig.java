package cyborg.demo;

import cyborg.model.Architecture;
import cyborg.train.TrainConfig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo runs: the benchmark (seed, size, split sizes), the losses compared, the seeds
 * and the training settings shared by every loss. {@link #quick} is one seed and fewer epochs.
 */
public record DemoConfig(Path out, long benchmarkSeed, int size, int trainPerClass, int valPerClass,
        int testPerSource, List<Long> seeds, Map<String, String> losses, TrainConfig training) {

    /** The losses compared: plain cross-entropy, CYBORG, and CYBORG with a low-entropy term. */
    public static Map<String, String> defaultLosses() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ce", "ce");
        m.put("cyborg", "ce:0.5,cyborg:0.5");
        m.put("focus", "ce:0.5,cyborg:0.5,logent:0.1");
        return m;
    }

    /** The default demo (3 seeds) or the quick one (1 seed, fewer epochs). */
    public static DemoConfig defaults(Path out, boolean quick, long benchmarkSeed) {
        TrainConfig training = TrainConfig.builder().architecture(Architecture.SMALLRESNET).inputSize(64)
                .epochs(quick ? 6 : 10).batchSize(20).lr(0.01).lrStep(quick ? 4 : 7).build();
        return new DemoConfig(out, benchmarkSeed, 64, 400, 100, 150, quick ? List.of(1L) : List.of(1L, 2L, 3L),
                defaultLosses(), training);
    }
}
