package cyborg.explain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cyborg.io.Json;
import cyborg.model.ModelInfo;
import cyborg.model.SavedModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class GroupSetupTest {
    @TempDir
    Path dir;

    /** A model folder described by its sidecar alone: the check reads no weights. */
    private Path model(String name, int inputSize, int cam) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        ModelInfo info = new ModelInfo();
        info.architecture = "smallresnet";
        info.inputSize = inputSize;
        info.mean = new float[] {0.5f, 0.5f, 0.5f};
        info.std = new float[] {0.25f, 0.25f, 0.25f};
        info.camSize = new int[] {cam, cam};
        Json.write(d.resolve(SavedModel.SIDECAR), info);
        Files.createFile(d.resolve(SavedModel.WEIGHTS));
        return d;
    }

    @Test
    void modelsOfDifferentCamSizesInOneGroupAreRefusedNamingBoth() throws IOException {
        Path small = model("r32", 32, 4);
        Path large = model("r64", 64, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GroupSetup.requireUniform(Map.of("all", List.of(small, large))));
        assertEquals("group 'all': " + small + " (32 px input, CAM 4x4) and " + large + " (64 px input, CAM 8x8)"
                + " differ; a group holds runs of one setup, whose maps are compared cell by cell: put them in"
                + " separate groups (--group NAME=DIR for each)", e.getMessage());
    }

    @Test
    void modelsOfDifferentSizesInSeparateGroupsAreFine() throws IOException {
        Path small = model("r32", 32, 4);
        Path large = model("r64", 64, 8);
        Path again = model("r32b", 32, 4);
        assertDoesNotThrow(() -> GroupSetup.requireUniform(Map.of("a", List.of(small, again), "b", List.of(large))));
    }
}
