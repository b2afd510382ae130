package cyborg.web;

import cyborg.model.Architecture;

import java.nio.file.Path;

/**
 * One model the server loads: a cyborg model folder (or its safetensors file), or an outside
 * weight file with its architecture.
 *
 * @param name the name clients select it by; null: derived from the path ({@link ModelNames})
 * @param location the folder or file
 * @param arch with a weight file: its architecture (needed without a FILE.json description, else
 *     checked against it); null for a cyborg model folder
 */
public record ModelSource(String name, Path location, Architecture arch) {
    /** Parses the command line's {@code NAME=PATH} or {@code PATH}; {@code arch} applies to a weight file. */
    public static ModelSource parse(String spec, Architecture arch) {
        int eq = spec.indexOf('=');
        if (eq > 0) {
            return new ModelSource(spec.substring(0, eq), Path.of(spec.substring(eq + 1)), arch);
        }
        return new ModelSource(null, Path.of(spec), arch);
    }
}
