package cyborg.loss;

import ai.djl.ndarray.NDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A weighted sum of loss terms, optionally plus {@code ln(1 + sum of other weighted terms)}
 * (the logarithmic form of the focus work). Build one from text with {@link LossSpec#parse}.
 */
public final class CompositeLoss {
    private final List<WeightedTerm> linear;
    private final List<WeightedTerm> logGroup;

    /**
     * @param linear terms added as {@code weight * value}
     * @param logGroup terms added inside {@code ln(1 + sum weight * value)}; may be empty
     */
    public CompositeLoss(List<WeightedTerm> linear, List<WeightedTerm> logGroup) {
        if (linear.isEmpty() && logGroup.isEmpty()) {
            throw new IllegalArgumentException("a loss needs at least one term");
        }
        this.linear = List.copyOf(linear);
        this.logGroup = List.copyOf(logGroup);
    }

    /** The value of one batch: the differentiable total and each term's unweighted value. */
    public record Value(NDArray total, Map<String, Float> parts) {}

    /** Computes the loss on a batch. */
    public Value compute(LossContext context) {
        Map<String, Float> parts = new LinkedHashMap<>();
        NDArray total = weightedSum(linear, context, parts);
        if (!logGroup.isEmpty()) {
            NDArray inner = weightedSum(logGroup, context, parts);
            NDArray log = inner.add(1).log();
            total = total == null ? log : total.add(log);
        }
        return new Value(total, parts);
    }

    private static NDArray weightedSum(List<WeightedTerm> terms, LossContext c, Map<String, Float> parts) {
        NDArray sum = null;
        for (WeightedTerm wt : terms) {
            NDArray value = wt.term().compute(c);
            parts.put(wt.term().name(), LossContext.scalar(value));
            // float: a double would promote to float64; ScalarOps, not value.mul(float): DJL's scalar is
            // freed before the backward pass reads it
            NDArray weighted = ScalarOps.times(value, (float) wt.weight());
            sum = sum == null ? weighted : sum.add(weighted);
        }
        return sum;
    }

    /**
     * Whether any term reads the human maps ({@code cyborg}, {@code kl}, {@code entmatch},
     * {@code rrr}): the CAM terms need them at the CAM's size, {@code rrr} at the input's. The
     * CAM-entropy terms ({@code ent}, {@code logent}) read the CAM alone.
     */
    public boolean usesMaps() {
        return terms().anyMatch(wt -> wt.term().needsMaps());
    }

    /** Names of the terms that do not read human maps, which alone train the images without one. */
    public List<String> mapFreeTermNames() {
        return terms().filter(wt -> !wt.term().needsMaps()).map(wt -> wt.term().name()).toList();
    }

    /**
     * Whether any term differentiates through the input gradient ({@code rrr}): the step then
     * needs a {@link LossStep} (double backpropagation) and the human maps at input resolution.
     */
    public boolean usesInputGradient() {
        return terms().anyMatch(wt -> wt.term().needsInputGradient());
    }

    /** Names of all terms, in order. */
    public List<String> termNames() {
        return terms().map(wt -> wt.term().name()).collect(Collectors.toList());
    }

    private Stream<WeightedTerm> terms() {
        return Stream.concat(linear.stream(), logGroup.stream());
    }

    /** The canonical specification, which {@link LossSpec#parse} reads back to an equal loss. */
    @Override
    public String toString() {
        String head = linear.stream().map(WeightedTerm::toString).collect(Collectors.joining(","));
        if (logGroup.isEmpty()) {
            return head;
        }
        String group = "log1p(" + logGroup.stream().map(WeightedTerm::toString)
                .collect(Collectors.joining(",")) + ")";
        return head.isEmpty() ? group : head + "," + group;
    }
}
