package cyborg.demo;

import cyborg.model.Architecture;
import cyborg.model.CamTarget;
import cyborg.train.TrainConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * What the demo runs: the benchmark (seed, size, split sizes), the methods compared, the seeds
 * and the training settings shared by every method. {@link #quick} is one seed and fewer epochs.
 *
 * @param recommended the name of the method the README recommends (one of {@code methods})
 */
public record DemoConfig(Path out, long benchmarkSeed, int size, int trainPerClass, int valPerClass,
        int testPerSource, List<Long> seeds, List<DemoMethod> methods, String recommended, TrainConfig training) {

    public DemoConfig {
        if (methods.stream().noneMatch(m -> m.name().equals(recommended) && !m.shortcutFree())) {
            throw new IllegalArgumentException("the recommended method " + recommended
                    + " is not among the methods trained on split.csv");
        }
    }

    /** The recommended method. */
    public DemoMethod recommendedMethod() {
        return methods.stream().filter(m -> m.name().equals(recommended)).findFirst().orElseThrow();
    }

    /** The input-gradient penalty, offered with {@code --with-rrr}. */
    public static final DemoMethod RRR = DemoMethod.of("rrr", "rrr",
            "Right for the Right Reasons: input-gradient penalty outside the human map");

    /**
     * The reference every method is read against: cross-entropy trained where the mark carries no
     * label, so it cannot learn the shortcut. Its open-set AUC is about what removing the shortcut
     * can reach with this network and budget; a method that gains less than the gap between it
     * and CE has removed the shortcut only in part, one that gains more has learnt the traces
     * better than shortcut-free data alone teaches.
     */
    public static final DemoMethod CEILING = DemoMethod.of("ceiling", "ce",
            "reference, not a method: cross-entropy trained on split-ceiling.csv, where the mark is on half of"
                    + " either class").onShortcutFreeSplit();

    /**
     * The methods compared: plain cross-entropy; the CYBORG paper's loss; focus (CYBORG plus a
     * low-entropy term); the contrastive CAM and counterexamples alone; and their combination with
     * CYBORG. The input-gradient penalty ({@link #RRR}) is optional: its double backpropagation
     * trains about four times slower, which would take the default demo past ten minutes.
     */
    public static List<DemoMethod> defaultMethods() {
        return List.of(
                DemoMethod.of("ce", "ce", "cross-entropy only"),
                DemoMethod.of("cyborg", "ce:0.5,cyborg:0.5", "the CYBORG paper's loss (alpha 0.5)"),
                DemoMethod.of("focus", "ce:0.5,cyborg:0.5,logent:0.1", "CYBORG plus a low-CAM-entropy term"),
                DemoMethod.of("contrast", "ce:0.5,cyborg:0.5", "CYBORG on the contrastive CAM (W[Synthetic] - W[Real]) . F")
                        .withCamClass(CamTarget.CONTRAST),
                DemoMethod.of("counterfactual", "ce", "cross-entropy on counterexamples: half the images get another"
                        + " image's pixels where the human map is low").withCounterfactual(0.5),
                DemoMethod.of("cyborg+cf", "ce:0.5,cyborg:0.5", "CYBORG with counterexamples").withCounterfactual(0.5));
    }

    /** The default demo (3 seeds) or the quick one (1 seed, fewer epochs). */
    public static DemoConfig defaults(Path out, boolean quick, long benchmarkSeed) {
        return defaults(out, quick, benchmarkSeed, false);
    }

    /** As {@link #defaults(Path, boolean, long)}, optionally with {@link #RRR} after counterexamples. */
    public static DemoConfig defaults(Path out, boolean quick, long benchmarkSeed, boolean withRrr) {
        // Adam, not the reference's SGD: from scratch at this budget SGD did not learn the training
        // families even without the shortcut (val AUC about 0.6), Adam did (about 0.9).
        TrainConfig training = TrainConfig.builder().architecture(Architecture.SMALLRESNET).inputSize(64)
                .epochs(quick ? 4 : 6).batchSize(20).optimizer(TrainConfig.OptimizerKind.ADAM).lr(0.001)
                .lrStep(quick ? 3 : 5).build();
        List<DemoMethod> methods = new java.util.ArrayList<>(defaultMethods());
        if (withRrr) {
            methods.add(methods.size() - 1, RRR);
        }
        methods.add(CEILING);
        return new DemoConfig(out, benchmarkSeed, 64, 400, 100, 150, quick ? List.of(1L) : List.of(1L, 2L, 3L),
                List.copyOf(methods), "cyborg+cf", training);
    }
}
