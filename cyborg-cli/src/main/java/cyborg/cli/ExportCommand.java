package cyborg.cli;

import ai.djl.ndarray.NDManager;
import cyborg.io.SafeTensors;
import cyborg.io.torch.TorchCheckpoint;
import cyborg.model.SavedModel;
import cyborg.model.WeightSidecar;
import cyborg.nn.StateDict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code cyborg export}: a cyborg model's weights as a file PyTorch loads. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Write a model's weights with torchvision's names, for PyTorch.",
            "",
            "pth: a torch.save file of the state dict (model.load_state_dict(torch.load(FILE)) on the matching"
                + " torchvision model with a 2-way head); safetensors: for safetensors.torch.load_file.",
            "",
            "Beside the weights, FILE.json describes the model (model.json's fields: architecture, input_size,"
                + " classes, mean, std, cam_layer, cam_size and how it was trained), so that import and"
                + " --model FILE score it at the size and normalisation it was trained with. Keep the two together.",
            "",
            "Example:",
            "  cyborg export --model runs/cyborg --format pth --out cyborg.pth"
        })
final class ExportCommand implements Callable<Integer> {
    @Reads(files = {SavedModel.WEIGHTS, SavedModel.SIDECAR})
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model folder.")
    Path model;

    @Option(names = "--format", defaultValue = "pth", paramLabel = "pth|safetensors",
            description = "File format (default: ${DEFAULT-VALUE}).")
    String format;

    @Writes
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            SavedModel m = SavedModel.load(model, manager);
            var state = StateDict.of(m.network().module());
            switch (format) {
                case "pth" -> TorchCheckpoint.write(out, state);
                case "safetensors" -> SafeTensors.write(out, state, Map.of("format", "pt"));
                default -> throw new IllegalArgumentException("--format must be pth or safetensors");
            }
            WeightSidecar.write(out, m.info()); // after the weights: a description never names weights not there
        }
        System.out.printf("exported %s (%s) -> %s, described in %s%n", model, format, out, WeightSidecar.of(out));
        return 0;
    }
}
