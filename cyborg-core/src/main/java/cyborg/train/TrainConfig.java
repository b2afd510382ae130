package cyborg.train;

import cyborg.data.Augmentation;
import cyborg.data.Counterexamples;
import cyborg.loss.CompositeLoss;
import cyborg.loss.LossSpec;
import cyborg.model.Architecture;
import cyborg.model.CamTarget;
import cyborg.util.Ranges;

/**
 * Everything that determines a training run, with the reference defaults: SGD lr 0.005,
 * momentum 0.9, weight decay 1e-6, StepLR 12 epochs / 0.1, batch 20, 50 epochs, CYBORG loss with
 * alpha 0.5 on the predicted class's CAM, shuffled, no augmentation. Saved with the run as
 * {@code train.json}, so {@code --resume} continues with exactly the same settings.
 */
public final class TrainConfig {
    /** The optimisers on offer. */
    public enum OptimizerKind { SGD, ADAM }

    private String architecture = Architecture.RESNET50.id();
    private int inputSize = 0;
    private String loss = "cyborg";
    private double alpha = 0.5;
    private CamTarget camClass = CamTarget.PREDICTED;
    private int epochs = 50;
    private int batchSize = 20;
    private OptimizerKind optimizer = OptimizerKind.SGD;
    private double lr = 0.005;
    private double momentum = 0.9;
    private double weightDecay = 1e-6;
    private int lrStep = 12;
    private double lrGamma = 0.1;
    private long seed = 1;
    private boolean shuffle = true;
    private boolean augmentFlip = false;
    private double augmentMinScale = 1.0;
    private String initWeights;
    private double counterfactual = 0;
    private String counterfactualFill = Counterexamples.Fill.SWAP.id();

    private TrainConfig() {}

    /** Starts from the reference defaults. */
    public static Builder builder() {
        return new Builder(new TrainConfig());
    }

    /** A builder pre-filled with this configuration. */
    public Builder toBuilder() {
        return new Builder(copy());
    }

    private TrainConfig copy() {
        return cyborg.io.Json.COMPACT.fromJson(cyborg.io.Json.COMPACT.toJson(this), TrainConfig.class);
    }

    public Architecture architecture() { return Architecture.parse(architecture); }
    /** Input size in pixels; the architecture's native size unless set. */
    public int inputSize() { return inputSize > 0 ? inputSize : architecture().nativeSize(); }
    public String lossSpec() { return loss; }
    public double alpha() { return alpha; }
    /** The parsed loss. */
    public CompositeLoss loss() { return LossSpec.parse(loss, alpha); }
    public CamTarget camClass() { return camClass; }
    public int epochs() { return epochs; }
    public int batchSize() { return batchSize; }
    public OptimizerKind optimizer() { return optimizer; }
    public double lr() { return lr; }
    public double momentum() { return momentum; }
    public double weightDecay() { return weightDecay; }
    public int lrStep() { return lrStep; }
    public double lrGamma() { return lrGamma; }
    public long seed() { return seed; }
    public boolean shuffle() { return shuffle; }
    public Augmentation augmentation() { return new Augmentation(augmentFlip, augmentMinScale); }
    /** Counterexamples made of training images (none by default). */
    public Counterexamples counterexamples() {
        return new Counterexamples(counterfactual,
                counterfactualFill == null ? Counterexamples.Fill.SWAP : Counterexamples.Fill.parse(counterfactualFill));
    }
    /** ImageNet (or other) weights the backbone starts from, or null for a random start. */
    public java.nio.file.Path initWeights() { return initWeights == null ? null : java.nio.file.Path.of(initWeights); }

    /**
     * The {@code cyborg train} options that reproduce this configuration, all but {@code --loss},
     * {@code --seed}, the data and the output folder.
     */
    public java.util.List<String> cliArgs() {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(
                "--arch", architecture, "--size", Integer.toString(inputSize()),
                "--epochs", Integer.toString(epochs), "--batch", Integer.toString(batchSize),
                "--optimizer", optimizer.name().toLowerCase(java.util.Locale.ROOT), "--lr", Double.toString(lr),
                "--momentum", Double.toString(momentum), "--weight-decay", Double.toString(weightDecay),
                "--lr-step", Integer.toString(lrStep), "--lr-gamma", Double.toString(lrGamma),
                "--alpha", Double.toString(alpha), "--cam-class", camClass.name().toLowerCase(java.util.Locale.ROOT)));
        if (!shuffle) {
            a.add("--no-shuffle");
        }
        if (augmentFlip) {
            a.add("--flip");
        }
        if (augmentMinScale < 1) {
            a.add("--crop-scale");
            a.add(Double.toString(augmentMinScale));
        }
        if (counterfactual > 0) {
            a.addAll(java.util.List.of("--counterfactual", Double.toString(counterfactual),
                    "--counterfactual-fill", counterexamples().fill().id()));
        }
        if (initWeights != null) {
            a.add("--init");
            a.add(initWeights);
        }
        return a;
    }

    /** Builds a {@link TrainConfig}; {@link #build()} checks every value. */
    public static final class Builder {
        private final TrainConfig c;
        private boolean sizeGiven;

        private Builder(TrainConfig c) {
            this.c = c;
        }

        public Builder architecture(Architecture a) { c.architecture = a.id(); return this; }
        /** An input size given explicitly: {@link #build()} checks it against the architecture's range. */
        public Builder inputSize(int s) { c.inputSize = s; sizeGiven = true; return this; }
        public Builder loss(String spec) { c.loss = spec; return this; }
        public Builder alpha(double a) { c.alpha = a; return this; }
        public Builder camClass(CamTarget k) { c.camClass = k; return this; }
        public Builder epochs(int e) { c.epochs = e; return this; }
        public Builder batchSize(int b) { c.batchSize = b; return this; }
        public Builder optimizer(OptimizerKind o) { c.optimizer = o; return this; }
        public Builder lr(double x) { c.lr = x; return this; }
        public Builder momentum(double x) { c.momentum = x; return this; }
        public Builder weightDecay(double x) { c.weightDecay = x; return this; }
        public Builder lrStep(int s) { c.lrStep = s; return this; }
        public Builder lrGamma(double g) { c.lrGamma = g; return this; }
        public Builder seed(long s) { c.seed = s; return this; }
        public Builder shuffle(boolean s) { c.shuffle = s; return this; }
        public Builder initWeights(java.nio.file.Path p) {
            c.initWeights = p == null ? null : p.toAbsolutePath().normalize().toString();
            return this;
        }
        public Builder counterexamples(Counterexamples x) {
            c.counterfactual = x.rate();
            c.counterfactualFill = x.fill().id();
            return this;
        }
        public Builder augmentation(Augmentation a) {
            c.augmentFlip = a.flip();
            c.augmentMinScale = a.minScale();
            return this;
        }

        /** Validates and returns the configuration. */
        public TrainConfig build() {
            Architecture arch = c.architecture();
            // 0 is "not set" (the architecture's native size) only when no size was given: an
            // explicit --size 0 once trained at the native size and recorded 0
            if (sizeGiven || c.inputSize != 0) {
                arch.requireSize("--size", c.inputSize);
            }
            c.loss = LossSpec.parse(c.loss, c.alpha).toString();
            Ranges.atLeast("--epochs", c.epochs, 1);
            Ranges.atLeast("--batch", c.batchSize, 2, "batch norm needs two images");
            Ranges.positive("--lr", c.lr);
            Ranges.within("--momentum", c.momentum, 0, true, 1, false);
            Ranges.nonNegative("--weight-decay", c.weightDecay);
            Ranges.atLeast("--lr-step", c.lrStep, 1);
            Ranges.positive("--lr-gamma", c.lrGamma);
            new StepLr(c.lr, c.lrStep, c.lrGamma);
            c.augmentation();
            c.counterexamples();
            return c.copy();
        }

    }
}
