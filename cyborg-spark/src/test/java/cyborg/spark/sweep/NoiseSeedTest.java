package cyborg.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDManager;
import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;
import cyborg.model.Architecture;
import cyborg.model.CamNetwork;
import cyborg.model.ModelInfo;
import cyborg.model.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The sweep's Explain-to-Me noise measure depends on the data, not on where they are: the same
 * weights on the same images in two folders give the same numbers (the salt-and-pepper noise was
 * seeded by each image's absolute path, so a sweep in another folder measured other noise).
 */
class NoiseSeedTest {
    @TempDir
    Path dir;

    /** The same six images and split file under {@code root}. */
    private static DataSet data(Path root) throws IOException {
        Random rng = new Random(5);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String rel = "/test/" + (i % 2 == 0 ? "ffhq" : "stylegan") + "/img" + i + ".png";
            byte[] px = new byte[32 * 32 * 3];
            rng.nextBytes(px);
            ImageFiles.writePng(new RgbImage(32, 32, px), Path.of(root + "/images" + rel));
            rows.add("test," + (i % 2 == 0 ? "Real" : "Synthetic") + "," + rel);
        }
        Files.write(root.resolve("split.csv"), rows);
        return DataSet.csv("d", root.resolve("split.csv").toString(), root.resolve("images").toString(), null);
    }

    @Test
    void theSameWeightsOnTheSameImagesInTwoFoldersGiveTheSameNoiseMeasures() throws IOException {
        Path model = dir.resolve("model");
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = Architecture.SMALLRESNET.create(m, 7);
            SavedModel.save(model, net, ModelInfo.of(Architecture.SMALLRESNET, 32, SavedModel.camSize(net, m, 32)));
        }
        RunSpec run = new RunSpec("d-smallresnet-ce-s1", "d", "smallresnet", "ce", "ce", List.of(), 1, List.of());
        Grid.Explain explain = new Grid.Explain(4, "cam", 2);
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        RunResult here = new RunTask(run, data(dir.resolve("a")), dir.resolve("sweep-a").toString(), explain, 1, "1g",
                "unused").measure(model, quiet);
        RunResult there = new RunTask(run, data(dir.resolve("elsewhere/b")), dir.resolve("sweep-b").toString(), explain,
                1, "1g", "unused").measure(model, quiet);
        assertFalse(here.explain.get("noise_ssim_0.10").isNaN(), here.explain.toString());
        assertEquals(here.explain.get("noise_ssim_0.10"), there.explain.get("noise_ssim_0.10"));
        assertEquals(here.explain.get("noise_pearson_0.10"), there.explain.get("noise_pearson_0.10"));
        assertEquals(here.explain, there.explain);
    }
}
