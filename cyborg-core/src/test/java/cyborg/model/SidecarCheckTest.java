package cyborg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import cyborg.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged or hand-edited model.json is refused when the model loads, naming the file and the field. */
class SidecarCheckTest {
    @TempDir
    Path dir;
    private NDManager manager;
    private Path sidecar;

    @BeforeEach
    void saveSmallModel() throws IOException {
        manager = NDManager.newBaseManager();
        CamNetwork net = Architecture.SMALLRESNET.create(manager, 1);
        SavedModel.save(dir, net, ModelInfo.of(Architecture.SMALLRESNET, 32, SavedModel.camSize(net, manager, 32)));
        sidecar = dir.resolve(SavedModel.SIDECAR);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void untouchedSidecarLoads() throws IOException {
        assertEquals(32, SavedModel.load(dir, manager).info().inputSize);
    }

    @Test
    void zeroStdIsRefusedBeforeItMakesNanScores() throws IOException {
        edit(o -> o.add("std", array(0.229, 0, 0.225)));
        assertRefused("field 'std'", "not positive and finite");
    }

    @Test
    void nanMeanIsRefused() throws IOException {
        edit(o -> o.add("mean", array(Double.NaN, 0.456, 0.406)));
        assertRefused("field 'mean'", "not finite");
    }

    @Test
    void editedInputSizeIsCaughtByTheCamSizeItGives() throws IOException {
        edit(o -> o.addProperty("input_size", 64)); // smallresnet: CAM 4x4 at 32, 8x8 at 64
        assertRefused("field 'input_size'", "cam_size records 4x4");
    }

    @Test
    void inputSizeTheNetworkCannotTakeIsRefused() throws IOException {
        edit(o -> o.addProperty("input_size", 8));
        assertRefused("field 'input_size'", "outside 32..");
    }

    @Test
    void missingFieldIsNamed() throws IOException {
        edit(o -> o.remove("architecture"));
        assertRefused("field 'architecture' is missing", "restore model.json");
    }

    @Test
    void unknownArchitectureIsNamed() throws IOException {
        edit(o -> o.addProperty("architecture", "resnet9000"));
        assertRefused("field 'architecture'", "choose one of");
    }

    @Test
    void classCountOtherThanTheHeadsIsRefused() throws IOException {
        edit(o -> o.add("classes", JsonParser.parseString("[\"Real\", \"GAN\", \"Diffusion\"]")));
        assertRefused("field 'classes'", "2-way head");
    }

    @Test
    void reversedClassesAreRefusedNamingTheExpectedOrder() throws IOException {
        // logit 1 is always read as Synthetic: a model whose head says otherwise would score inverted
        edit(o -> o.add("classes", JsonParser.parseString("[\"Synthetic\", \"Real\"]")));
        assertRefused("field 'classes'", "[Real, Synthetic]");
    }

    @Test
    void classesOfAnotherTaskAreRefused() throws IOException {
        edit(o -> o.add("classes", JsonParser.parseString("[\"cat\", \"dog\"]")));
        IOException e = assertRefused("field 'classes'", "[cat, dog] is not [Real, Synthetic]");
        assertTrue(e.getMessage().contains("logit 0 Real and logit 1 Synthetic"), e.getMessage());
    }

    @Test
    void brokenJsonIsReportedInThePlainWordsOfTheParser() throws IOException {
        String text = Files.readString(sidecar);
        Files.writeString(sidecar, text.substring(0, text.indexOf("\"std\"") + 12));
        IOException e = assertRefused("not valid JSON", "restore model.json");
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void weightsOfAnotherArchitectureAreRefusedNamingTheWeights() throws IOException {
        SavedModel.save(dir.resolve("other"), Architecture.RESNET18.create(manager, 1),
                ModelInfo.of(Architecture.RESNET18, 32, new int[] {1, 1}));
        Files.copy(dir.resolve("other").resolve(SavedModel.WEIGHTS), dir.resolve(SavedModel.WEIGHTS),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IOException e = assertThrows(IOException.class, () -> SavedModel.load(dir, manager));
        assertTrue(e.getMessage().startsWith(dir.resolve(SavedModel.WEIGHTS) + ": weights do not fit"), e.getMessage());
        assertTrue(e.getMessage().contains("not the weights of the smallresnet"), e.getMessage());
        assertTrue(e.getMessage().length() < 600, "a bounded message, not every key: " + e.getMessage());
    }

    private IOException assertRefused(String names, String says) {
        IOException e = assertThrows(IOException.class, () -> SavedModel.load(dir, manager));
        assertTrue(e.getMessage().startsWith(sidecar.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(names), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
        return e;
    }

    private void edit(Consumer<JsonObject> change) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(sidecar)).getAsJsonObject();
        change.accept(o);
        Files.writeString(sidecar, Json.PRETTY.toJson(o));
    }

    private static JsonElement array(double... values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }
}
