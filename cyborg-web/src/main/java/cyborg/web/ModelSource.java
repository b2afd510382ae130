package cyborg.web;

import cyborg.model.Architecture;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One model the server loads: a cyborg model folder (or its safetensors file), or an outside
 * weight file with its architecture.
 *
 * @param name the name clients select it by; null: derived from the path ({@link ModelNames})
 * @param location the folder or file
 * @param arch with a weight file: its architecture (needed without a FILE.json description, else
 *     checked against it); null for a cyborg model folder
 * @param version the model version (Open Inference Protocol: {@code /v2/models/NAME/versions/VERSION}); null:
 *     unversioned. Only with an explicit name.
 */
public record ModelSource(String name, Path location, Architecture arch, String version) {
    /** What a version may be: it appears in URL paths, metric labels and {@code NAME:VERSION} selections. */
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public ModelSource {
        if (version != null && !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("model version '" + version + "' of " + location
                    + ": use letters, digits, '.', '_' or '-' (e.g. --model cyborg:2=runs/cyborg)");
        }
        if (version != null && name == null) {
            throw new IllegalArgumentException("a model version needs a model name: --model NAME:VERSION=PATH");
        }
    }

    /** An unversioned model. */
    public ModelSource(String name, Path location, Architecture arch) {
        this(name, location, arch, null);
    }

    /**
     * Parses the command line's {@code NAME[:VERSION]=PATH} or {@code PATH}; {@code arch} applies to a
     * weight file.
     */
    public static ModelSource parse(String spec, Architecture arch) {
        int eq = spec.indexOf('=');
        if (eq > 0) {
            String label = spec.substring(0, eq);
            Path path = Path.of(spec.substring(eq + 1));
            int colon = label.lastIndexOf(':');
            if (colon > 0) {
                return new ModelSource(label.substring(0, colon), path, arch, label.substring(colon + 1));
            }
            if (colon == 0) {
                throw new IllegalArgumentException("'" + spec + "' has a version but no name: --model NAME:VERSION=PATH");
            }
            return new ModelSource(label, path, arch, null);
        }
        return new ModelSource(null, Path.of(spec), arch, null);
    }
}
