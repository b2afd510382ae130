package cyborg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import cyborg.io.Json;
import cyborg.io.SafeTensors;
import cyborg.io.torch.TorchCheckpoint;
import cyborg.nn.StateDict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lone weight file read with its description (FILE.json), and what --arch and --size may say
 * about it: a model trained at 32 px stays a 32 px model, whatever its architecture's native size.
 */
class WeightSidecarTest {
    @TempDir
    Path dir;
    private NDManager manager;
    private ModelInfo info;
    private Path pth;

    @BeforeEach
    void exportSmallModelTrainedAt32() throws IOException {
        manager = NDManager.newBaseManager();
        CamNetwork net = Architecture.SMALLRESNET.create(manager, 1);
        info = ModelInfo.of(Architecture.SMALLRESNET, 32, SavedModel.camSize(net, manager, 32));
        info.loss = "cyborg";
        pth = dir.resolve("m32.pth");
        TorchCheckpoint.write(pth, StateDict.of(net.module()));
        WeightSidecar.write(pth, info);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private SavedModel open(Architecture arch, Integer size) throws IOException {
        return SavedModel.open(new ModelRequest(pth, arch, size, true), manager);
    }

    @Test
    void describedWeightFileKeepsItsTrainedSizeWithoutArch() throws IOException {
        SavedModel m = open(null, null);
        assertEquals(32, m.info().inputSize);
        assertArrayEquals(info.camSize, m.info().camSize);
        assertEquals("cyborg", m.info().loss);
        assertNull(m.note(), "nothing was defaulted");
    }

    @Test
    void describedWeightFileKeepsItsTrainedSizeWithTheMatchingArch() throws IOException {
        // the case: score --model m32.pth --arch smallresnet scored at 64 px
        assertEquals(32, open(Architecture.SMALLRESNET, null).info().inputSize);
        assertEquals(32, open(Architecture.SMALLRESNET, 32).info().inputSize);
    }

    @Test
    void sizeContradictingTheDescriptionIsRefusedNamingBoth() {
        IOException e = assertThrows(IOException.class, () -> open(null, 64));
        assertTrue(e.getMessage().startsWith(WeightSidecar.of(pth).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("takes 32 px") && e.getMessage().contains("--size says 64"), e.getMessage());
    }

    @Test
    void archContradictingTheDescriptionIsRefusedNamingBoth() {
        IOException e = assertThrows(IOException.class, () -> open(Architecture.RESNET18, null));
        assertTrue(e.getMessage().contains("describes a smallresnet but --arch says resnet18"), e.getMessage());
    }

    @Test
    void sizeContradictingAModelFolderIsRefused() throws IOException {
        Path folder = dir.resolve("folder");
        SavedModel.save(folder, open(null, null).network(), info);
        IOException e = assertThrows(IOException.class,
                () -> SavedModel.open(new ModelRequest(folder, null, 64, true), manager));
        assertTrue(e.getMessage().contains(SavedModel.SIDECAR) && e.getMessage().contains("--size says 64"),
                e.getMessage());
    }

    @Test
    void weightFileWithoutDescriptionOrArchSaysToAddArch() throws IOException {
        Path bare = dir.resolve("bare.safetensors");
        SafeTensors.write(bare, StateDict.of(open(null, null).network().module()), Map.of("format", "pt"));
        IOException e = assertThrows(IOException.class,
                () -> SavedModel.open(new ModelRequest(bare, null, null, true), manager));
        assertTrue(e.getMessage().startsWith(bare.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("add --arch NAME (one of resnet18,"), e.getMessage());
    }

    @Test
    void weightFileWithoutDescriptionSaysWhichDefaultsItWasGiven() throws IOException {
        Files.delete(WeightSidecar.of(pth));
        SavedModel m = open(Architecture.SMALLRESNET, null);
        assertEquals(64, m.info().inputSize);
        assertTrue(m.note().contains("no description (m32.pth.json)"), m.note());
        assertTrue(m.note().contains("smallresnet at 64 px (its native size"), m.note());
        assertEquals(32, open(Architecture.SMALLRESNET, 32).info().inputSize);
    }

    @Test
    void damagedDescriptionIsRefusedNotIgnored() throws IOException {
        ModelInfo reversed = Json.read(WeightSidecar.of(pth), ModelInfo.class);
        reversed.classes = java.util.List.of("Synthetic", "Real");
        Json.write(WeightSidecar.of(pth), reversed);
        IOException e = assertThrows(IOException.class, () -> open(Architecture.SMALLRESNET, null));
        assertTrue(e.getMessage().startsWith(WeightSidecar.of(pth) + ": field 'classes'"), e.getMessage());
    }
}
