package cyborg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import cyborg.data.Label;
import cyborg.data.MapIndex;
import cyborg.data.Origin;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;
import cyborg.io.SafeTensors;
import cyborg.io.TensorData;
import cyborg.io.torch.TorchCheckpoint;
import cyborg.model.Architecture;
import cyborg.nn.StateDict;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One training step equals PyTorch's: the Trainer runs one epoch of one batch (four images,
 * no shuffling) of ResNet-50 with the CYBORG loss, SGD with momentum and weight decay, batch norm
 * in training mode; tools/golden/make_step_golden.py replayed the same step with torch from the
 * same seeded weights and recorded samples of every updated tensor. With
 * {@code -Dcyborg.step.dump=DIR} the test writes the initial weights and the maps it uses.
 *
 * <p>Every tensor must agree within 1e-4, except the first convolution's weights: their gradient
 * sums 4 x 112 x 112 products of raw normalised pixels, and float32 cannot hold it to 1e-4 — the
 * same step in PyTorch itself differs by up to 7.9e-4 there between float32 and float64 (update
 * magnitude up to 0.058). That layer gets 1e-3.
 */
class TrainingStepParityTest {
    private static final long SEED = 31;

    @TempDir
    Path dir;

    /** A 7x7 map per image: a Gaussian blob whose place depends on the image. */
    static byte[] map(int k) {
        byte[] px = new byte[7 * 7 * 3];
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 7; x++) {
                double d2 = Math.pow(x - 2 - k, 2) + Math.pow(y - 3 + k % 2, 2);
                byte v = (byte) Math.round(255 * Math.exp(-d2 / 3));
                for (int c = 0; c < 3; c++) {
                    px[(y * 7 + x) * 3 + c] = v;
                }
            }
        }
        return px;
    }

    @Test
    void oneCyborgStepGivesTorchsUpdatedWeights() throws IOException {
        Path shared = Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(shared), "shared/ data is not beside the repository");
        List<Path> files = List.of(shared.resolve("cyborg-gan-samples/000170.png"),
                shared.resolve("cyborg-gan-samples/000174.png"), shared.resolve("public-domain-faces/astronaut.png"),
                shared.resolve("public-domain-faces/grace_hopper_512x512.jpg"));
        Path maps = Files.createDirectories(dir.resolve("maps"));
        List<Sample> batch = new java.util.ArrayList<>();
        for (int k = 0; k < files.size(); k++) {
            Path f = files.get(k);
            Label label = k < 2 ? Label.SYNTHETIC : Label.REAL;
            batch.add(new Sample(f.toString(), f, label, "x", "train", new Origin(f, 0)));
            String stem = f.getFileName().toString().replaceAll("\\.[a-z]+$", "");
            ImageFiles.writePng(new RgbImage(7, 7, map(k)), maps.resolve(stem + ".png"));
        }
        String dump = System.getProperty("cyborg.step.dump");
        if (dump != null) {
            try (NDManager m = NDManager.newBaseManager()) {
                Files.createDirectories(Path.of(dump));
                TorchCheckpoint.write(Path.of(dump, "initial.pth"), StateDict.of(Architecture.RESNET50.create(m, SEED).module()));
            }
            for (Path f : Files.list(maps).toList()) {
                Files.copy(f, Path.of(dump, f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        TrainConfig config = TrainConfig.builder().architecture(Architecture.RESNET50).inputSize(224).loss("cyborg")
                .epochs(1).batchSize(4).lr(0.005).momentum(0.9).weightDecay(1e-6).seed(SEED).shuffle(false).build();
        new Trainer(config, null).train(new TrainData(batch, batch, "val", MapIndex.scan(maps), SkipReport.failFast(), true),
                new RunFiles(dir.resolve("run")), false);
        Map<String, TensorData> after = SafeTensors.read(dir.resolve("run/checkpoint/last.safetensors"));
        JsonObject golden;
        try (InputStream in = getClass().getResourceAsStream("/cyborg/train/step-golden.json")) {
            golden = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
        EpochRecord step = TrainLog.read(new RunFiles(dir.resolve("run"))).get(0);
        assertEquals(golden.get("loss").getAsDouble(), step.loss, 1e-5, "loss of the step, parts " + step.lossParts);
        JsonObject tensors = golden.getAsJsonObject("tensors");
        List<String> off = new java.util.ArrayList<>();
        double worst = 0;
        for (String key : tensors.keySet()) {
            JsonObject g = tensors.getAsJsonObject(key);
            TensorData t = after.get(key);
            JsonArray idx = g.getAsJsonArray("index");
            JsonArray val = g.getAsJsonArray("value");
            if (t.dtype().equals("I64")) {
                assertEquals(val.get(0).getAsLong(), t.longs()[0], key);
                continue;
            }
            float[] v = t.floats();
            double max = 0;
            for (int i = 0; i < idx.size(); i++) {
                max = Math.max(max, Math.abs(val.get(i).getAsDouble() - v[idx.get(i).getAsInt()]));
            }
            worst = Math.max(worst, max);
            if (max > (key.equals("conv1.weight") ? 1e-3 : 1e-4)) {
                off.add(key + " (max |diff| " + String.format(java.util.Locale.ROOT, "%.2e", max) + ")");
            }
        }
        assertEquals(List.of(), off, "tensors that differ from torch's beyond tolerance; worst " + worst);
    }
}
