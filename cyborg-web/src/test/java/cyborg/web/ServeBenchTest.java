package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** serve-bench gives a serve / batched ratio only when it means something. */
class ServeBenchTest {
    @TempDir
    Path dir;

    private List<Path> images(int n) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve("img-" + i + ".png");
            Files.write(f, TestModels.png(32, 32, i));
            files.add(f);
        }
        return files;
    }

    @Test
    void serveBenchRefusesAFolderTooSmallToTime() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServeConfig config = ServeConfig.builder().model("alpha", TestModels.alpha()).port(0).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServeBench.run(config, images(10), 4, 20, 8, new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("at least 64 images") && e.getMessage().contains("has 10"), e.getMessage());
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("%"), out.toString(StandardCharsets.UTF_8));
        assertEquals(64, ServeBench.minimumImages(8));
        // fewer requests than clients: some clients would never send
        assertThrows(IllegalArgumentException.class, () -> ServeBench.check(64, 8, 4, 8));
    }

    @Test
    void serveBenchPrintsNoRatioWhenRequestsFailed() throws Exception {
        // the server refuses every image (pixel limit) while batched scoring takes them all
        ServeConfig config = ServeConfig.builder().model("alpha", TestModels.alpha()).port(0).maxPixels(100).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServeBench.Result r = ServeBench.run(config, images(ServeBench.minimumImages(2)), 2, 16, 2,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(16, r.failures(), printed);
        assertTrue(Double.isNaN(r.ratio()));
        assertFalse(printed.contains("serve / batched ="), printed);
        assertTrue(printed.contains("16 of 16 requests failed"), printed);
    }

    @Test
    void serveBenchPostsTheOpenInferenceProtocolWhenAsked() throws Exception {
        ServeConfig config = ServeConfig.builder().model(ModelSource.parse("alpha:3=" + TestModels.alpha(), null))
                .port(0).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServeBench.Result r = ServeBench.run(config, images(ServeBench.minimumImages(2)), 2, 16, 2, ServeBench.Api.V2,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, r.failures(), printed);
        assertTrue(printed.contains("serve (POST /v2/models/alpha/versions/3/infer): 16 requests"), printed);
    }
}
