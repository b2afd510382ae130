package cyborg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import cyborg.data.Label;
import cyborg.data.Origin;
import cyborg.data.Sample;
import cyborg.io.TensorData;
import cyborg.io.torch.TorchCheckpoint;
import cyborg.nn.StateDict;
import cyborg.nn.Tensor;
import cyborg.score.Scorer;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Scores and CAMs equal PyTorch's: seeded weights, regenerated here, go through a .pth file into
 * cyborg score's path, and the ten CYBORG sample faces and two 512 px photos (which need resizing)
 * are scored; tools/golden/make_parity_golden.py computed the expected values with torchvision
 * and PIL preprocessing, as the reference's test script does. With {@code -Dcyborg.parity.dump=DIR}
 * the test writes the weight files the script reads.
 */
class PytorchParityTest {
    private static final long SEED = 2024;

    @TempDir
    Path dir;

    /** Deterministic weights, with batch-norm statistics moved off 0/1 so that eval mode uses them. */
    static CamNetwork seeded(Architecture arch, NDManager m) {
        CamNetwork net = arch.create(m, SEED);
        Random r = new Random(SEED);
        for (Map.Entry<String, Tensor> e : net.module().namedTensors().entrySet()) {
            String k = e.getKey();
            if (k.endsWith("running_mean") || k.endsWith("running_var")) {
                long n = e.getValue().array().getShape().size();
                float[] v = new float[(int) n];
                for (int i = 0; i < v.length; i++) {
                    v[i] = k.endsWith("running_mean") ? (float) (r.nextDouble() * 0.2 - 0.1) : (float) (0.5 + r.nextDouble());
                }
                StateDict.copyInto(e.getValue().array(), TensorData.ofFloats(e.getValue().array().getShape().getShape(), v));
            }
        }
        net.module().setTraining(false);
        return net;
    }

    static List<Sample> images() throws IOException {
        Path shared = Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(shared), "shared/ data is not beside the repository");
        List<Sample> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(shared.resolve("cyborg-gan-samples"))) {
            s.filter(p -> p.toString().endsWith(".png")).sorted().forEach(files::add);
        }
        files.add(shared.resolve("public-domain-faces/astronaut.png"));
        files.add(shared.resolve("public-domain-faces/grace_hopper_512x512.jpg"));
        for (Path f : files) {
            out.add(new Sample(f.toString(), f, Label.SYNTHETIC, "x", "test", new Origin(f, 0)));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"RESNET50", "DENSENET121", "INCEPTION_V3", "XCEPTION"})
    void scoresAndCamsEqualPyTorchs(Architecture arch) throws IOException {
        List<Sample> images = images();
        String dump = System.getProperty("cyborg.parity.dump");
        Path weights = (dump != null ? Path.of(dump) : dir).resolve(arch.id() + ".pth");
        Files.createDirectories(weights.getParent());
        try (NDManager m = NDManager.newBaseManager()) {
            TorchCheckpoint.write(weights, StateDict.of(seeded(arch, m).module()));
        }
        if (dump != null) {
            return;
        }
        JsonObject golden;
        try (InputStream in = PytorchParityTest.class.getResourceAsStream("/cyborg/model/parity/golden.json")) {
            golden = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject()
                    .getAsJsonObject(arch.id());
        }
        try (Scorer scorer = Scorer.open(weights, arch, true)) {
            List<Scorer.ScoredCam> got = scorer.cams(images, 4, null);
            for (Scorer.ScoredCam c : got) {
                JsonObject g = golden.getAsJsonObject(c.sample().image().getFileName().toString());
                assertEquals(g.get("score").getAsDouble(), c.score(), 1e-4, arch + " score of " + c.sample().image());
                float[] cam = c.cam();
                var expected = g.getAsJsonArray("cam");
                assertEquals(expected.size(), cam.length);
                for (int i = 0; i < cam.length; i++) {
                    assertEquals(expected.get(i).getAsDouble(), cam[i], 1e-4, arch + " CAM cell " + i + " of " + c.sample().image());
                }
            }
        }
    }
}
