package cyborg.model;

import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Checks a loaded {@code model.json} before its values are used: every field present, the
 * architecture known, the classes {@code [Real, Synthetic]} in head order, the normalisation finite
 * with non-zero spread, and the input size one the
 * network accepts and that gives the CAM size recorded at training. A hand-edited or damaged
 * sidecar otherwise scores silently wrong (a zero std writes NaN scores, an edited input size
 * feeds the network another resolution than it was trained at). Errors name the file and field.
 */
final class SidecarCheck {
    /** The only class list cyborg's label rule ({@link Prediction}) reads correctly, in head order. */
    static final java.util.List<String> CLASSES = java.util.Arrays.stream(cyborg.data.Label.values())
            .map(cyborg.data.Label::displayName).toList();

    private final Path sidecar;

    private SidecarCheck(Path sidecar) {
        this.sidecar = sidecar;
    }

    /** Checks the fields on their own; returns the architecture they name. */
    static Architecture fields(ModelInfo info, Path sidecar) throws IOException {
        return new SidecarCheck(sidecar).fields(info);
    }

    /** Checks what only the built network can tell: the CAM size at the recorded input size. */
    static void againstNetwork(ModelInfo info, CamNetwork net, NDManager manager, Path sidecar) throws IOException {
        int[] actual = SavedModel.camSize(net, manager, info.inputSize);
        if (!Arrays.equals(actual, info.camSize)) {
            throw new SidecarCheck(sidecar).bad("input_size",
                    info.inputSize + " gives a " + actual[0] + "x" + actual[1] + " CAM with " + info.architecture
                            + ", but cam_size records " + info.camSize[0] + "x" + info.camSize[1]
                            + " from training; input_size or cam_size was edited: restore the trained values");
        }
    }

    private Architecture fields(ModelInfo info) throws IOException {
        if (info.formatVersion != 1) {
            throw bad("format_version", info.formatVersion + " is not known to this cyborg (it reads 1);"
                    + " use the cyborg that wrote the model");
        }
        if (info.architecture == null) {
            throw missing("architecture");
        }
        Architecture arch;
        try {
            arch = Architecture.parse(info.architecture);
        } catch (IllegalArgumentException e) {
            throw bad("architecture", e.getMessage());
        }
        if (info.inputSize == 0) {
            throw missing("input_size");
        }
        if (info.inputSize < arch.minSize() || info.inputSize > Architecture.MAX_SIZE) {
            throw bad("input_size", info.inputSize + " is outside " + arch.minSize() + ".." + Architecture.MAX_SIZE
                    + " for " + arch.id() + "; restore the size the model was trained at");
        }
        normalisation("mean", info.mean, false, arch);
        normalisation("std", info.std, true, arch);
        if (info.classes == null) {
            throw missing("classes");
        }
        if (info.classes.size() != 2) {
            throw bad("classes", info.classes + " names " + info.classes.size()
                    + " classes but cyborg's networks have a 2-way head (Real, Synthetic)");
        }
        // Prediction reads logit 0 as Real and logit 1 as Synthetic; other names or the reversed
        // order would be a model whose labels and scores mean something else, scored as if not
        if (!CLASSES.equals(info.classes)) {
            throw bad("classes", info.classes + " is not " + CLASSES + ": cyborg's head has logit 0 Real and"
                    + " logit 1 Synthetic, in that order; write \"classes\": [\"Real\", \"Synthetic\"] if the"
                    + " model's outputs mean that, else retrain or re-import it with the classes in that order");
        }
        if (info.camSize == null) {
            throw missing("cam_size");
        }
        if (info.camSize.length != 2 || info.camSize[0] <= 0 || info.camSize[1] <= 0) {
            throw bad("cam_size", Arrays.toString(info.camSize) + " is not a positive [rows, columns] pair");
        }
        return arch;
    }

    private void normalisation(String field, float[] values, boolean spread, Architecture arch) throws IOException {
        if (values == null) {
            throw missing(field);
        }
        float[] usual = spread ? arch.preprocessing(arch.nativeSize()).std() : arch.preprocessing(arch.nativeSize()).mean();
        String advice = "; restore the values the model was trained with (" + arch.id() + "'s usual "
                + Arrays.toString(usual) + ")";
        if (values.length != 3) {
            throw bad(field, Arrays.toString(values) + " has " + values.length + " values, one per RGB channel expected"
                    + advice);
        }
        for (float v : values) {
            if (!Float.isFinite(v) || (spread && v <= 0)) {
                throw bad(field, Arrays.toString(values) + " has " + (spread ? "a value that is not positive and finite"
                        : "a value that is not finite") + " (scores would be NaN or meaningless)" + advice);
            }
        }
    }

    private IOException missing(String field) {
        return new IOException(sidecar + ": field '" + field + "' is missing; restore " + sidecar.getFileName()
                + " from the training run or export, or retrain");
    }

    private IOException bad(String field, String detail) {
        return new IOException(String.format(Locale.ROOT, "%s: field '%s': %s", sidecar, field, detail));
    }
}
