package cyborg.cli;

import ai.djl.ndarray.NDManager;
import cyborg.model.Architecture;
import cyborg.model.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cyborg import}: a PyTorch or safetensors weight file becomes a cyborg model folder. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Make a cyborg model folder from PyTorch weights.",
            "",
            "Reads a torch.save file (.pth/.pt: a bare state dict, or the reference's {'state_dict': ...,"
                + " 'epoch': ...}; DataParallel's 'module.' and the reference Xception's 'model.' prefixes are"
                + " stripped) or a .safetensors file, with torchvision's parameter names and a 2-way head, and"
                + " writes model.safetensors and the model.json sidecar (native input size and normalisation of"
                + " the architecture). Missing keys and shape mismatches stop with the list of them.",
            "",
            "Example:",
            "  cyborg import --arch densenet121 --from cyborg_densenet.pth --out models/densenet"
        })
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--arch", required = true, paramLabel = "NAME", completionCandidates = Choices.Architectures.class,
            description = "${COMPLETION-CANDIDATES}.")
    String arch;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The weight file.")
    Path from;

    @Option(names = "--strict", defaultValue = "true", paramLabel = "true|false", arity = "1",
            description = "Refuse keys the network lacks (default: ${DEFAULT-VALUE}); false lists and ignores them.")
    boolean strict;

    @Writes(files = {SavedModel.WEIGHTS, SavedModel.SIDECAR})
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model folder to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            SavedModel m = SavedModel.fromWeights(from, Architecture.parse(arch), manager, strict);
            SavedModel.save(out, m.network(), m.info());
        }
        System.out.printf("imported %s as %s -> %s%n", from, arch, out.resolve(SavedModel.SIDECAR));
        return 0;
    }
}
