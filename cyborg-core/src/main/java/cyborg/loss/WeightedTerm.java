package cyborg.loss;

/** A loss term with its weight in a {@link CompositeLoss}. */
public record WeightedTerm(LossTerm term, double weight) {
    @Override
    public String toString() {
        return term.name() + ":" + LossSpec.format(weight);
    }
}
