package cyborg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cyborg.io.SafeTensors;
import cyborg.io.TensorData;
import cyborg.nn.StateDict;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Not a regular test: with {@code -Dcyborg.xcheck=DIR -Dcyborg.xcheck.size=N} it writes each
 * network's weights and an eval-mode forward pass (input, logits, CAM features) to
 * {@code DIR/<arch>/}, for {@code tools/golden/make_arch_golden.py --check DIR} to recompute
 * with PyTorch. Numeric agreement catches what key lists cannot (branch order, padding, pooling).
 */
class TorchCrossCheckDump {
    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"DENSENET121", "INCEPTION_V3", "XCEPTION"})
    @EnabledIfSystemProperty(named = "cyborg.xcheck", matches = ".+")
    void dump(Architecture arch) throws IOException {
        int size = Integer.getInteger("cyborg.xcheck.size", arch.nativeSize());
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = arch.create(m, 11);
            // one training pass moves the batch-norm statistics off 0/1, so eval mode uses them
            net.module().setTraining(true);
            net.forward(m.randomNormal(new Shape(2, 3, size, size)));
            net.module().setTraining(false);
            NDArray x = m.randomNormal(new Shape(2, 3, size, size));
            CamOutput out = net.forward(x);
            Path dir = Path.of(System.getProperty("cyborg.xcheck"), arch.id());
            Files.createDirectories(dir);
            SafeTensors.write(dir.resolve("model.safetensors"), StateDict.of(net.module()), Map.of());
            Map<String, TensorData> io = new LinkedHashMap<>();
            io.put("input", StateDict.toData(x));
            io.put("logits", StateDict.toData(out.logits()));
            io.put("features", StateDict.toData(out.features()));
            SafeTensors.write(dir.resolve("io.safetensors"), io, Map.of());
        }
    }
}
