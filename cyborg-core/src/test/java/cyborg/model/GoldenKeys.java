package cyborg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cyborg.nn.Tensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A state-dict key list written by {@code tools/golden/make_arch_golden.py} from torchvision
 * (or the Xception port): ordered {@code key<TAB>shape<TAB>param|buffer} lines and the trainable
 * parameter count.
 */
final class GoldenKeys {
    final List<String> lines = new ArrayList<>();
    long parameters = -1;

    static GoldenKeys load(String arch) {
        GoldenKeys g = new GoldenKeys();
        try (InputStream in = GoldenKeys.class.getResourceAsStream(arch + ".keys.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing golden " + arch + ".keys.txt");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("# parameters ")) {
                    g.parameters = Long.parseLong(line.substring("# parameters ".length()).trim());
                } else if (!line.startsWith("#") && !line.isBlank()) {
                    g.lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }

    /** The module's tensors in the golden file's format. */
    static List<String> describe(Map<String, Tensor> tensors) {
        List<String> out = new ArrayList<>();
        tensors.forEach((k, t) -> out.add(k + "\t"
                + Arrays.stream(t.array().getShape().getShape()).mapToObj(Long::toString)
                        .collect(Collectors.joining(","))
                + "\t" + (t.trainable() ? "param" : "buffer")));
        return out;
    }

    static long trainableCount(Map<String, Tensor> tensors) {
        return tensors.values().stream().filter(Tensor::trainable)
                .mapToLong(t -> t.array().getShape().size()).sum();
    }

    /** Asserts same keys, shapes, kinds and order, and the same parameter count. */
    void assertMatches(Map<String, Tensor> tensors) {
        // one joined string: a failure shows the first differing line in context
        assertEquals(String.join("\n", lines), String.join("\n", describe(tensors)));
        assertEquals(parameters, trainableCount(tensors));
    }
}
