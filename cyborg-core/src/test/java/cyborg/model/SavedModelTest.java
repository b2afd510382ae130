package cyborg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class SavedModelTest {
    @TempDir
    Path dir;

    private static ModelInfo info() {
        ModelInfo info = new ModelInfo();
        info.architecture = "resnet18";
        info.inputSize = 32;
        info.mean = new float[] {0.485f, 0.456f, 0.406f};
        info.std = new float[] {0.229f, 0.224f, 0.225f};
        info.camSize = new int[] {1, 1};
        return info;
    }

    @Test
    void anIncompleteDescriptionIsRefusedNamingTheFileAndTheField() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(SavedModel.SIDECAR), "{\"architecture\": \"resnet18\", \"input_size\": 32}");
        Files.createFile(dir.resolve(SavedModel.WEIGHTS));
        IOException e = assertThrows(IOException.class, () -> SavedModel.readInfo(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve(SavedModel.SIDECAR)
                + ": field 'mean' is missing"), e.getMessage());
    }

    @Test
    void aDescriptionOfTheWrongJsonShapeIsOneLineWithoutClassNames() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(SavedModel.SIDECAR), "[]");
        Files.createFile(dir.resolve(SavedModel.WEIGHTS));
        IOException e = assertThrows(IOException.class, () -> SavedModel.readInfo(dir));
        assertEquals(dir.resolve(SavedModel.SIDECAR) + ": not valid JSON for ModelInfo:"
                + " Expected BEGIN_OBJECT but was BEGIN_ARRAY at line 1 column 2 path $; restore model.json from the"
                + " training run, or retrain", e.getMessage());
    }

    @Test
    void loadedModelGivesTheSameLogitsAndBatchNormStatistics() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = Architecture.RESNET18.create(m, 3);
            // one training-mode pass moves the running statistics away from their initial values
            net.module().setTraining(true);
            net.forward(m.randomNormal(new Shape(4, 3, 32, 32)));
            net.module().setTraining(false);
            NDArray x = m.randomNormal(new Shape(2, 3, 32, 32));
            float[] expected = net.forward(x).logits().toFloatArray();
            SavedModel.save(dir, net, info());
            SavedModel back = SavedModel.load(dir, m);
            assertArrayEquals(expected, back.network().forward(x).logits().toFloatArray());
            assertArrayEquals(net.module().namedTensors().get("layer1.0.bn1.num_batches_tracked").array().toLongArray(),
                    back.network().module().namedTensors().get("layer1.0.bn1.num_batches_tracked").array().toLongArray());
        }
    }

    @Test
    void folderWithoutModelSaysHowToMakeOne() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        try (NDManager m = NDManager.newBaseManager()) {
            IOException e = assertThrows(IOException.class, () -> SavedModel.load(dir.resolve("empty"), m));
            assertTrue(e.getMessage().contains("cyborg train"), e.getMessage());
        }
    }
}
