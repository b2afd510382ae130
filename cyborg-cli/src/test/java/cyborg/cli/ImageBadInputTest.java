package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images that cannot be used, for every command that decodes images: all go through one decoder,
 * so a file refused by one command is refused by all, with the same words; an image over the
 * decoded-size limit is refused from its header, or counted as a skip under --skip-bad.
 */
class ImageBadInputTest extends BadInputCorpus {
    private static final Path DECODE_GOLDEN = Path.of("../cyborg-core/src/test/resources/cyborg/image/decode");
    private static final Path WEBP_GOLDEN = Path.of("../cyborg-core/src/test/resources/cyborg/image/webp");

    @Override
    List<BadInput> cases(Path dir) throws Exception {
        String model = Toy.model().toString();
        BadBench cutPng = BadBench.of(dir, "cut-png", "test", "cut.png", BadImages.truncatedPng(32));
        BadBench cutJpg = BadBench.of(dir, "cut-jpg", "test", "cut.jpg", BadImages.truncatedJpeg(32));
        BadBench empty = BadBench.of(dir, "empty", "test", "empty.png", new byte[0]);
        BadBench text = BadBench.of(dir, "text", "test", "notes.png", BadImages.text());
        BadBench huge = BadBench.of(dir, "huge", "test", "huge.png", BadImages.overThePixelLimit());
        byte[] webp = Files.readAllBytes(WEBP_GOLDEN.resolve("48x40.webp"));
        BadBench cutWebp = BadBench.of(dir, "cut-webp", "test", "cut.webp", Arrays.copyOf(webp, webp.length / 2));
        byte[] longRiff = webp.clone(); // RIFF size 64 bytes more than the file holds
        ByteBuffer.wrap(longRiff, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(webp.length - 8 + 64);
        BadBench shortWebp = BadBench.of(dir, "short-webp", "test", "short.webp", longRiff);
        BadBench cutTrain = BadBench.of(dir, "cut-train", "train", "cut.png", BadImages.truncatedPng(32));
        BadBench hugeTrain = BadBench.of(dir, "huge-train", "train", "huge.png", BadImages.overThePixelLimit());
        Path goodMap = Path.of("../cyborg-core/src/test/resources/cyborg/explain/golden/maps/blob_7x7.png");
        Path cutJpgMap = Files.write(dir.resolve("map-cut.jpg"), BadImages.truncatedJpeg(64));
        Path cutPngMap = Files.write(dir.resolve("map-cut.png"), BadImages.truncatedPng(64));
        Path emptyMap = Files.write(dir.resolve("map-empty.png"), new byte[0]);
        Path textMap = Files.write(dir.resolve("map-notes.png"), BadImages.text());
        String scores = dir.resolve("s.csv").toString();
        String out = dir.resolve("out").toString();
        Path layout = cutInFolderLayout(dir.resolve("layout"));
        String cutInLayout = layout.resolve("real/studio/cut.png").toString();
        return List.of(
                BadInput.failsNamingOnce("score --folder: truncated PNG, its path said once", cutInLayout, "truncated",
                        "score", "--model", model, "--folder", layout.toString(), "--out", scores),
                BadInput.failsNamingOnce("saliency --folder: truncated PNG, its path said once", cutInLayout,
                        "truncated", "saliency", "--model", model, "--folder", layout.toString(), "--out", out),
                BadInput.fails("score: truncated PNG", "cut.png", "truncated",
                        Args.of("score", "--model", model, cutPng.data(), "--out", scores)),
                BadInput.fails("score: truncated JPEG", "cut.jpg", "truncated or corrupt JPEG",
                        Args.of("score", "--model", model, cutJpg.data(), "--out", scores)),
                BadInput.fails("score: zero-byte image", "empty.png", "the file is empty",
                        Args.of("score", "--model", model, empty.data(), "--out", scores)),
                BadInput.fails("score: text named .png", "notes.png", "unrecognised image format",
                        Args.of("score", "--model", model, text.data(), "--out", scores)),
                BadInput.fails("score: lossy WebP cut inside its image data", "cut.webp", "the VP8 chunk needs",
                        Args.of("score", "--model", model, cutWebp.data(), "--out", scores)),
                BadInput.fails("score: WebP shorter than its RIFF header says (PIL refuses it)", "short.webp",
                        "the RIFF header says", Args.of("score", "--model", model, shortWebp.data(), "--out", scores)),
                BadInput.fails("score: image over the pixel limit", "huge.png", "over the decoded-size limit",
                        Args.of("score", "--model", model, huge.data(), "--out", scores)),
                BadInput.skips("score --skip-bad: image over the pixel limit is counted", "image too large to decode",
                        Args.of("score", "--model", model, huge.data(), "--skip-bad", "--out", scores)),
                BadInput.fails("saliency: truncated PNG", "cut.png", "truncated",
                        Args.of("saliency", "--model", model, cutPng.data(), "--out", out)),
                BadInput.skips("saliency --skip-bad: image over the pixel limit is counted", "image too large to decode",
                        Args.of("saliency", "--model", model, huge.data(), "--skip-bad", "--out", out)),
                BadInput.fails("explain: truncated JPEG", "cut.jpg", "truncated or corrupt JPEG",
                        Args.of("explain", "--models", model, cutJpg.data(), "--limit", "2", "--steps", "2",
                                "--out", out)),
                BadInput.fails("train: truncated PNG in the train split", "cut.png", "truncated",
                        Args.of("train", cutTrain.data(), "--loss", "ce", "--arch", "smallresnet", "--size", "32", "--epochs", "1",
                                "--out", dir.resolve("run-cut").toString())),
                BadInput.skips("train --skip-bad: image over the pixel limit is counted", "image too large to decode",
                        Args.of("train", hugeTrain.data(), "--loss", "ce", "--arch", "smallresnet", "--size", "32", "--epochs", "1",
                                "--batch", "8", "--skip-bad", "--out", dir.resolve("run-huge").toString())),
                BadInput.fails("measure entropy: truncated JPEG map (score refuses it too)", "map-cut.jpg",
                        "truncated or corrupt JPEG", "measure", "entropy", cutJpgMap.toString()),
                BadInput.fails("measure ssim: truncated PNG map", "map-cut.png", "truncated", "measure", "ssim",
                        goodMap.toString(), cutPngMap.toString()),
                BadInput.fails("measure entropy: zero-byte map", "map-empty.png", "the file is empty", "measure",
                        "entropy", emptyMap.toString()),
                BadInput.fails("measure entropy: text named .png", "map-notes.png", "unrecognised image format",
                        "measure", "entropy", textMap.toString()));
    }

    /** {@link ScoreFileBadInputTest#imageFolder}'s four images and a truncated PNG, {@code real/studio/cut.png}. */
    private static Path cutInFolderLayout(Path root) throws Exception {
        ScoreFileBadInputTest.imageFolder(root);
        Files.write(root.resolve("real/studio/cut.png"), BadImages.truncatedPng(32));
        return root;
    }

    /** saliency --skip-bad says how many images it wrote maps of: it said all it was given, skipped ones too. */
    @Test
    void saliencySkipBadCountsTheImagesItWroteMapsOf(@TempDir Path tmp) throws Exception {
        Path layout = cutInFolderLayout(tmp.resolve("layout"));
        Path out = tmp.resolve("sal");
        Cli r = Cli.run("saliency", "--model", Toy.model().toString(), "--folder", layout.toString(), "--skip-bad",
                "--out", out.toString());
        assertEquals(0, r.status, r.toString());
        assertEquals(1 + 4, Files.readAllLines(out.resolve("saliency.csv")).size(), r.toString());
        assertTrue(r.out.contains("wrote gradcam maps of 4 images to " + out), r.toString());
        assertTrue(r.out.contains("skipped 1 input"), r.toString());
    }

    /**
     * A CMYK JPEG scores as PIL sees it: like the PNG of its {@code convert("RGB")} pixels (Java's
     * own CMYK conversion is colour-managed and moved scores by 0.07).
     */
    @Test
    void cmykJpegScoresAsItsPilRgbConversion(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("images/real/cmyk"));
        Files.copy(DECODE_GOLDEN.resolve("cmyk.jpg"), folder.resolve("cmyk.jpg"));
        ImageFiles.writePng(new RgbImage(16, 12, pilRgb("cmyk.jpg")), folder.resolve("pil-rgb.png"));
        Path csv = Files.writeString(tmp.resolve("split.csv"),
                "test,Real,/real/cmyk/cmyk.jpg\ntest,Real,/real/cmyk/pil-rgb.png\n");
        Path scores = tmp.resolve("s.csv");
        Cli r = Cli.run("score", "--model", Toy.model().toString(), "--csv", csv.toString(), "--images",
                tmp.resolve("images").toString(), "--out", scores.toString());
        assertEquals(0, r.status, r.toString());
        List<String> rows = Files.readAllLines(scores);
        double cmyk = Double.parseDouble(rows.get(0).substring(rows.get(0).lastIndexOf(',') + 1));
        double rgb = Double.parseDouble(rows.get(1).substring(rows.get(1).lastIndexOf(',') + 1));
        assertEquals(rgb, cmyk, 1e-3, rows.toString());
    }

    /**
     * Lossy WebP scores as PIL sees it: exactly like the PNG of its {@code convert("RGB")} pixels,
     * with and without alpha (TwelveMonkeys' decoder moved the pixels by up to 126 levels and
     * refused the 2x2 file with uncompressed alpha as corrupt).
     */
    @Test
    void lossyWebpScoresAsItsPilRgbConversion(@TempDir Path tmp) throws Exception {
        List<String> files = List.of("37x29-m0.webp", "33x31-alpha.webp", "2x2-alpha.webp", "simple-filter.webp");
        Path folder = Files.createDirectories(tmp.resolve("images/real/webp"));
        StringBuilder csv = new StringBuilder();
        for (String f : files) {
            Files.copy(WEBP_GOLDEN.resolve(f), folder.resolve(f));
            JsonElement c = goldenCase(WEBP_GOLDEN.resolve("webp.json"), f);
            String png = f.replace(".webp", "-pil.png");
            ImageFiles.writePng(new RgbImage(c.getAsJsonObject().get("width").getAsInt(),
                    c.getAsJsonObject().get("height").getAsInt(),
                    Base64.getDecoder().decode(c.getAsJsonObject().get("rgb").getAsString())), folder.resolve(png));
            csv.append("test,Real,/real/webp/").append(f).append("\ntest,Real,/real/webp/").append(png).append("\n");
        }
        Path split = Files.writeString(tmp.resolve("split.csv"), csv);
        Path scores = tmp.resolve("s.csv");
        Cli r = Cli.run("score", "--model", Toy.model().toString(), "--csv", split.toString(), "--images",
                tmp.resolve("images").toString(), "--out", scores.toString());
        assertEquals(0, r.status, r.toString());
        List<String> rows = Files.readAllLines(scores);
        assertEquals(2 * files.size(), rows.size(), rows.toString());
        for (int i = 0; i < rows.size(); i += 2) {
            String webpScore = rows.get(i).substring(rows.get(i).lastIndexOf(',') + 1);
            String pilScore = rows.get(i + 1).substring(rows.get(i + 1).lastIndexOf(',') + 1);
            assertEquals(pilScore, webpScore, rows.get(i) + " vs " + rows.get(i + 1));
        }
    }

    private static byte[] pilRgb(String file) throws Exception {
        JsonElement c = goldenCase(DECODE_GOLDEN.resolve("decode.json"), file);
        return Base64.getDecoder().decode(c.getAsJsonObject().get("rgb").getAsString());
    }

    private static JsonElement goldenCase(Path json, String file) throws Exception {
        JsonElement golden = JsonParser.parseString(Files.readString(json));
        for (JsonElement c : golden.getAsJsonObject().getAsJsonArray("cases")) {
            if (c.getAsJsonObject().get("file").getAsString().equals(file)) {
                return c;
            }
        }
        throw new IllegalStateException("no golden pixels for " + file);
    }
}
