package cyborg.io.torch;

/**
 * A {@code module.name} reference read from a pickle's GLOBAL opcode that is not on the whitelist.
 * It is only a name: nothing is imported or run. Calling it yields an {@link OpaqueObject}.
 */
record PickleGlobal(String module, String name) {
    @Override
    public String toString() {
        return module + "." + name;
    }
}
