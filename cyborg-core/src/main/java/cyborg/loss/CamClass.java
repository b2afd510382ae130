package cyborg.loss;

/** Which class's activation map the saliency terms use. */
public enum CamClass {
    /** The predicted class (argmax of the logits), as the CYBORG reference does. */
    PREDICTED,
    /** The true label, as later work of the same group does. */
    TRUE,
    /**
     * The contrast between the two classes: the map of the logit difference
     * {@code (W[Synthetic] - W[Real]) . F}, whose sign says which class a cell argues for,
     * compared with the human map through its magnitude (see {@link ContrastiveCam}).
     */
    CONTRAST
}
