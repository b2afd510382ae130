package cyborg.cli;

import ai.djl.ndarray.NDManager;
import cyborg.model.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                + " writes model.safetensors and the model.json sidecar. A file cyborg exported has its"
                + " description beside it (FILE.json: architecture, input size, classes, normalisation, CAM size),"
                + " which model.json keeps; --arch and --size must then agree with it. Without one, --arch is"
                + " needed and the input size is --size or the architecture's native size, with its usual"
                + " normalisation. Missing keys and shape mismatches stop with the list of them.",
            "",
            "Examples:",
            "  cyborg import --from cyborg.pth --out models/cyborg          (exported by cyborg: cyborg.pth.json)",
            "  cyborg import --arch densenet121 --from cyborg_densenet.pth --out models/densenet"
        })
final class ImportCommand implements Callable<Integer> {
    @Mixin
    WeightFileOptions weights = new WeightFileOptions();

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The weight file.")
    Path from;

    @Writes(files = {SavedModel.WEIGHTS, SavedModel.SIDECAR})
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model folder to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        String arch;
        try (NDManager manager = NDManager.newBaseManager()) {
            SavedModel m = SavedModel.open(weights.request(from), manager);
            if (m.note() != null) {
                System.err.println("note: " + m.note());
            }
            SavedModel.save(out, m.network(), m.info());
            arch = m.info().architecture;
        }
        System.out.printf("imported %s as %s -> %s%n", from, arch, out.resolve(SavedModel.SIDECAR));
        return 0;
    }
}
