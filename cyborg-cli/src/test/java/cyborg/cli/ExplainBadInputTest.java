package cyborg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Model sets and settings that {@code cyborg explain} cannot measure as asked. */
class ExplainBadInputTest extends BadInputCorpus {
    @Override
    List<BadInput> cases(Path dir) throws IOException {
        String model = Toy.model().toString();
        String larger = largerCopy(dir.resolve("model-at-64")).toString();
        Path mapsFile = Files.writeString(dir.resolve("maps-file.png"), "x");
        Path incomplete = Files.createDirectories(dir.resolve("incomplete-model"));
        Files.copy(Toy.model().resolve("model.safetensors"), incomplete.resolve("model.safetensors"));
        Files.writeString(incomplete.resolve("model.json"), "{\"architecture\": \"smallresnet\", \"input_size\": 32,"
                + " \"mean\": [0.5, 0.5, 0.5], \"std\": [0.2, 0.2, 0.2]}");
        return List.of(
                BadInput.fails("explain: one group, two CAM sizes", "model-at-64", "CAM 8x8",
                        explain(dir, "--models", model, larger)),
                BadInput.fails("explain: one group, two CAM sizes, same shift", "model-at-64", "CAM 4x4",
                        explain(dir, "--models", model, larger, "--shift", "1")),
                BadInput.fails("explain --shift 0", "--shift", "at least 1 pixel",
                        explain(dir, "--models", model, "--shift", "0")),
                BadInput.fails("explain --shift beyond the input", model, "does not fit the 32 px input",
                        explain(dir, "--models", model, "--shift", "40")),
                BadInput.fails("explain --maps is a file", "maps-file.png", "a file, not a map folder",
                        explain(dir, "--models", model, "--maps", mapsFile.toString())),
                BadInput.fails("explain: a model.json without its CAM size", "incomplete-model", "cam_size",
                        explain(dir, "--models", incomplete.toString())));
    }

    /**
     * The toy model described as a 64 px one with an 8x8 CAM, which it is when run at 64 px
     * (smallresnet pools globally): what a second training at 64 px would give, without training.
     */
    private static Path largerCopy(Path to) throws IOException {
        Files.createDirectories(to);
        Files.copy(Toy.model().resolve("model.safetensors"), to.resolve("model.safetensors"));
        String info = Files.readString(Toy.model().resolve("model.json"))
                .replaceFirst("\"input_size\": 32", "\"input_size\": 64")
                .replaceFirst("\"cam_size\": \\[\\s*4,\\s*4\\s*\\]", "\"cam_size\": [8, 8]");
        Files.writeString(to.resolve("model.json"), info);
        return to;
    }

    private static String[] explain(Path dir, String... more) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("explain", "--csv", Toy.csv(), "--images",
                Toy.images(), "--limit", "2", "--out", dir.resolve("explained").toString()), java.util.stream.Stream.of(more))
                .toArray(String[]::new);
    }
}
