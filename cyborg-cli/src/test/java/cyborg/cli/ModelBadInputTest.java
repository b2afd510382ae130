package cyborg.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import cyborg.io.Json;
import cyborg.io.SafeTensors;
import cyborg.io.TensorData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Damaged or hand-edited models: model.json is checked when any command loads a model, naming
 * the file and the field; weights that are not the sidecar's network are refused naming the
 * weights; weights that make NaN scores stop the run naming the image instead of writing them.
 * An exported weight file is read with its description (FILE.json): --arch or --size
 * contradicting it is refused naming both, and a file with neither says to add --arch.
 */
class ModelBadInputTest extends BadInputCorpus {
    @Override
    List<BadInput> cases(Path dir) throws Exception {
        Path zeroStd = copy(dir, "zero-std", o -> o.add("std", numbers(0.229, 0, 0.225)));
        Path nanMean = copy(dir, "nan-mean", o -> o.add("mean", numbers(Double.NaN, 0.456, 0.406)));
        Path bigger = copy(dir, "input-size", o -> o.addProperty("input_size", 64));
        Path noCam = copy(dir, "no-cam-size", o -> o.remove("cam_size"));
        Path noArch = copy(dir, "no-arch", o -> o.remove("architecture"));
        Path otherArch = copy(dir, "other-arch", o -> o.addProperty("architecture", "resnet9000"));
        Path brokenJson = copy(dir, "broken-json", o -> { });
        String text = Files.readString(brokenJson.resolve("model.json"));
        Files.writeString(brokenJson.resolve("model.json"), text.substring(0, text.indexOf("\"std\"") + 10));
        Path threeWay = copy(dir, "three-way-head", o -> { });
        editWeights(threeWay, w -> {
            w.put("fc.weight", TensorData.ofFloats(new long[] {3, 512}, new float[3 * 512]));
            w.put("fc.bias", TensorData.ofFloats(new long[] {3}, new float[3]));
        });
        Path nanWeights = copy(dir, "nan-weights", o -> { });
        editWeights(nanWeights, w -> {
            float[] nan = new float[(int) w.get("fc.weight").size()];
            Arrays.fill(nan, Float.NaN);
            w.put("fc.weight", TensorData.ofFloats(w.get("fc.weight").shape(), nan));
        });
        Path reversed = copy(dir, "reversed-classes", o -> o.add("classes", strings("Synthetic", "Real")));
        Path catDog = copy(dir, "cat-dog-classes", o -> o.add("classes", strings("cat", "dog")));
        // an exported 32 px smallresnet (its native size is 64) with its description m32.pth.json
        Path m32 = dir.resolve("m32.pth");
        Cli export = Cli.run("export", "--model", Toy.model().toString(), "--out", m32.toString());
        if (export.status != 0) {
            throw new IllegalStateException(export.toString());
        }
        Path bare = dir.resolve("bare.safetensors");
        Cli exportBare = Cli.run("export", "--model", Toy.model().toString(), "--format", "safetensors", "--out",
                bare.toString());
        if (exportBare.status != 0) {
            throw new IllegalStateException(exportBare.toString());
        }
        Files.deleteIfExists(dir.resolve("bare.safetensors.json"));
        Path reversedExport = dir.resolve("reversed.pth");
        Files.copy(m32, reversedExport);
        // the description export writes is the model's model.json
        JsonObject described = JsonParser.parseString(Files.readString(Toy.model().resolve("model.json")))
                .getAsJsonObject();
        described.add("classes", strings("Synthetic", "Real"));
        Files.writeString(dir.resolve("reversed.pth.json"), Json.PRETTY.toJson(described));
        String firstTestImage = firstTestImage();
        String scores = dir.resolve("s.csv").toString();
        String out = dir.resolve("out").toString();
        return List.of(
                scoreFails("zero std", zeroStd, "model.json", "field 'std'", scores),
                scoreFails("NaN mean", nanMean, "model.json", "field 'mean'", scores),
                scoreFails("edited input size", bigger, "model.json", "field 'input_size'", scores),
                scoreFails("missing cam_size", noCam, "model.json", "field 'cam_size' is missing", scores),
                scoreFails("missing architecture", noArch, "model.json", "field 'architecture' is missing", scores),
                scoreFails("unknown architecture", otherArch, "model.json", "unknown architecture", scores),
                scoreFails("model.json not valid JSON", brokenJson, "model.json", "not valid JSON", scores),
                scoreFails("weights with a 3-way head", threeWay, "model.safetensors",
                        "not the weights of the smallresnet", scores),
                scoreFails("NaN weights: no NaN score is written", nanWeights, firstTestImage,
                        "the model gave a score of NaN", scores),
                BadInput.fails("saliency: zero std", "model.json", "field 'std'", "saliency", "--model",
                        zeroStd.toString(), "--csv", Toy.csv(), "--images", Toy.images(), "--out", out),
                BadInput.fails("saliency: NaN weights", firstTestImage, "the model gave a score of NaN", "saliency",
                        "--model", nanWeights.toString(), "--csv", Toy.csv(), "--images", Toy.images(), "--out", out),
                BadInput.fails("explain: edited input size", "model.json", "field 'input_size'", "explain",
                        "--models", bigger.toString(), "--csv", Toy.csv(), "--images", Toy.images(), "--limit", "2",
                        "--out", out),
                scoreFails("classes in reversed order", reversed, "model.json",
                        "field 'classes': [Synthetic, Real] is not [Real, Synthetic]", scores),
                scoreFails("classes of another task", catDog, "model.json", "field 'classes': [cat, dog]", scores),
                scoreFails("exported model, --size contradicting its description", m32, "m32.pth.json",
                        "takes 32 px images (input_size) but --size says 64", scores, "--size", "64"),
                scoreFails("exported model, --arch contradicting its description", m32, "m32.pth.json",
                        "describes a smallresnet but --arch says resnet18", scores, "--arch", "resnet18"),
                scoreFails("exported model, description with reversed classes", reversedExport, "reversed.pth.json",
                        "field 'classes'", scores, "--arch", "smallresnet"),
                scoreFails("safetensors file without a description or --arch", bare, "bare.safetensors",
                        "add --arch NAME", scores),
                BadInput.fails("import: --size contradicting the description", "m32.pth.json", "--size says 224",
                        "import", "--from", m32.toString(), "--size", "224", "--out", out),
                BadInput.fails("import: classes in reversed order", "reversed.pth.json", "field 'classes'",
                        "import", "--arch", "smallresnet", "--from", reversedExport.toString(), "--out", out));
    }

    private static BadInput scoreFails(String name, Path model, String names, String says, String scores,
            String... more) {
        String[] args = {"score", "--model", model.toString(), "--csv", Toy.csv(), "--images", Toy.images(), "--out",
                scores};
        return BadInput.fails("score: " + name, names, says, PipelineTest.concat(args, more));
    }

    private static JsonArray strings(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    /** A copy of the toy model folder with its model.json changed by {@code edit}. */
    private static Path copy(Path dir, String name, Consumer<JsonObject> edit) throws IOException {
        Path to = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(Toy.model())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, to.resolve(f.getFileName().toString()));
                }
            }
        }
        JsonObject o = JsonParser.parseString(Files.readString(to.resolve("model.json"))).getAsJsonObject();
        edit.accept(o);
        Files.writeString(to.resolve("model.json"), Json.PRETTY.toJson(o));
        return to;
    }

    private static void editWeights(Path model, Consumer<Map<String, TensorData>> edit) throws IOException {
        Path file = model.resolve("model.safetensors");
        Map<String, TensorData> weights = new LinkedHashMap<>(SafeTensors.read(file));
        edit.accept(weights);
        SafeTensors.write(file, weights, Map.of("format", "pt"));
    }

    private static JsonArray numbers(double... values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    /** The file name of the first test image, which a scoring error names first. */
    private static String firstTestImage() throws IOException {
        for (String row : Files.readAllLines(Path.of(Toy.csv()))) {
            if (row.startsWith("test,")) {
                return row.substring(row.lastIndexOf('/') + 1);
            }
        }
        throw new IllegalStateException("no test row in " + Toy.csv());
    }
}
