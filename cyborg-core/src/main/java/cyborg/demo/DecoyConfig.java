package cyborg.demo;

import cyborg.model.Architecture;
import cyborg.synth.DecoyTask;
import cyborg.train.TrainConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * What the demo's decoy part runs (docs/decoy.md): the task (seed, size, split sizes), the methods,
 * the seeds and the training shared by every method. The task goes to {@code out/task}, the runs
 * to {@code out/runs/<method>/run-<seed>}.
 *
 * @param recommended the name of the recommended method (one of {@code methods}, not the reference)
 */
public record DecoyConfig(Path out, long taskSeed, int size, int trainPerClass, int valPerClass, int testPerClass,
        List<Long> seeds, List<DemoMethod> methods, String recommended, TrainConfig training) {

    /** The decoy part's folder under the demo's output. */
    public static final String DIR = "decoy";

    /**
     * The reference on this task: cross-entropy where the square's shade is random in training
     * too, so it cannot learn the decoy (the ceiling of docs/decoy.md).
     */
    static final DemoMethod NO_DECOY = DemoMethod.of("nodecoy", "ce",
            "reference, not a method: cross-entropy trained on " + DecoyTask.NO_DECOY_SPLIT
                    + ", where the square's shade is random").on(TrainingSplit.SHORTCUT_FREE);

    public DecoyConfig {
        if (methods.stream().noneMatch(m -> m.name().equals(recommended) && !m.reference())) {
            throw new IllegalArgumentException("the recommended method " + recommended
                    + " is not among the decoy part's methods trained on split.csv");
        }
        seeds = List.copyOf(seeds);
        methods = List.copyOf(methods);
    }

    /**
     * The decoy part of the demo writing into {@code demoOut}/{@value #DIR}: the task and recipe of
     * {@code tools/decoy/run.sh} (32 px, 600 + 600 training images, smallresnet, 8 epochs, SGD at
     * lr 0.01 stepped after 7, batch 20), training CE, {@code recommended} and the no-decoy ceiling.
     */
    public static DecoyConfig defaults(Path demoOut, List<Long> seeds, DemoMethod recommended) {
        TrainConfig training = TrainConfig.builder().architecture(Architecture.SMALLRESNET)
                .inputSize(DecoyTask.DEFAULT_SIZE).epochs(8).lr(0.01).lrStep(7).batchSize(20).build();
        DemoMethod ce = DemoConfig.allMethods().stream().filter(m -> m.name().equals("ce")).findFirst().orElseThrow();
        List<DemoMethod> methods = ce.name().equals(recommended.name()) ? List.of(ce, NO_DECOY)
                : List.of(ce, recommended, NO_DECOY);
        return new DecoyConfig(demoOut.resolve(DIR), 1, DecoyTask.DEFAULT_SIZE, DecoyTask.DEFAULT_TRAIN_PER_CLASS,
                DecoyTask.DEFAULT_VAL_PER_CLASS, DecoyTask.DEFAULT_TEST_PER_CLASS, seeds, methods, recommended.name(),
                training);
    }

    /** The task this configuration generates. */
    DecoyTask task() {
        return DecoyTask.builder().size(size).seed(taskSeed).trainPerClass(trainPerClass).valPerClass(valPerClass)
                .testPerClass(testPerClass).build();
    }

    /** The split file {@code method} trains on. */
    static String splitFile(DemoMethod method) {
        return method.reference() ? DecoyTask.NO_DECOY_SPLIT : "split.csv";
    }
}
