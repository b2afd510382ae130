package cyborg.io.torch;

/**
 * Stands in for an object the pickle would build by calling a non-whitelisted global (a pickled
 * {@code nn.Module}, a numpy scalar, an optimizer...). Keeping a placeholder instead of failing at
 * once lets a checkpoint carry such extras next to its state dict; it is an error only if a tensor
 * is expected where it sits.
 *
 * @param type the global that would have been called
 */
record OpaqueObject(PickleGlobal type) {
    @Override
    public String toString() {
        return "pickled " + type + " object";
    }
}
