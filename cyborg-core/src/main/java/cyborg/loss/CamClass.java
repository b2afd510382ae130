package cyborg.loss;

/** Which class's activation map the saliency terms use. */
public enum CamClass {
    /** The predicted class (argmax of the logits), as the CYBORG reference does. */
    PREDICTED,
    /** The true label, as later work of the same group does. */
    TRUE
}
