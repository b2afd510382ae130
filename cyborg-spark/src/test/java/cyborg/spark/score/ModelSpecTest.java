package cyborg.spark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cyborg.model.ModelInfo;
import cyborg.model.SavedModel;
import cyborg.model.WeightSidecar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files go to the executors with the job: a described weight file travels with its description. */
class ModelSpecTest {
    @TempDir
    Path dir;

    @Test
    void describedWeightFileShipsWithItsDescription() throws IOException {
        // without --arch it was taken for a model folder: model.json and model.safetensors were
        // shipped from its folder, and the description that gives its input size was left behind
        Path pth = Files.writeString(dir.resolve("m32.pth"), "weights");
        WeightSidecar.write(pth, new ModelInfo());
        ModelSpec spec = new ModelSpec(pth.toString(), null, true);
        assertEquals(List.of(pth, WeightSidecar.of(pth)), spec.files());
        assertEquals("m32.pth", spec.shipped().shippedAs());
    }

    @Test
    void modelFolderShipsItsTwoFiles() throws IOException {
        Files.writeString(dir.resolve(SavedModel.SIDECAR), "{}");
        Files.writeString(dir.resolve(SavedModel.WEIGHTS), "weights");
        ModelSpec spec = ModelSpec.folder(dir.toString());
        assertEquals(List.of(dir.resolve(SavedModel.SIDECAR), dir.resolve(SavedModel.WEIGHTS)), spec.files());
        assertEquals(ModelSpec.FOLDER, spec.shipped().shippedAs());
        assertEquals(ModelSpec.FOLDER, ModelSpec.folder(dir.resolve(SavedModel.WEIGHTS).toString()).shipped().shippedAs());
    }
}
