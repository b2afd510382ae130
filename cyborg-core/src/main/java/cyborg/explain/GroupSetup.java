package cyborg.explain;

import cyborg.model.ModelInfo;
import cyborg.model.SavedModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks, before any model runs, that the models of each group share their input size and CAM
 * size. A group stands for runs of one setup: its stability compares the same image's maps cell
 * by cell, and its equivariance pools transforms whose shift scales with the input size.
 * Resampling one model's maps to the other's would make a comparison the Explain-to-Me measures
 * do not define (SSIM's 7-cell window spans the whole of a 7x7 map but a quarter of a 14x14
 * one), so such models are refused; they may be compared as separate groups.
 */
final class GroupSetup {
    private GroupSetup() {}

    /** @param groups group name to its model folders */
    static void requireUniform(Map<String, List<Path>> groups) throws IOException {
        for (Map.Entry<String, List<Path>> g : groups.entrySet()) {
            List<Path> models = g.getValue();
            if (models.size() < 2) {
                continue;
            }
            ModelInfo first = SavedModel.readInfo(models.get(0));
            for (Path other : models.subList(1, models.size())) {
                ModelInfo info = SavedModel.readInfo(other);
                if (info.inputSize != first.inputSize || !Arrays.equals(info.camSize, first.camSize)) {
                    throw new IllegalArgumentException("group '" + g.getKey() + "': " + models.get(0) + " ("
                            + describe(first) + ") and " + other + " (" + describe(info) + ") differ; a group holds"
                            + " runs of one setup, whose maps are compared cell by cell: put them in separate groups"
                            + " (--group NAME=DIR for each)");
                }
            }
        }
    }

    private static String describe(ModelInfo info) {
        String cam = info.camSize == null || info.camSize.length != 2 ? "unknown CAM size"
                : "CAM " + info.camSize[0] + "x" + info.camSize[1];
        return info.inputSize + " px input, " + cam;
    }
}
