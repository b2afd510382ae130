package cyborg.cli;

import cyborg.data.ImageExtensions;
import cyborg.model.Architecture;
import cyborg.web.ModelSource;
import cyborg.web.ServeBench;
import cyborg.web.ServeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code cyborg serve-bench}: throughput of cyborg serve under concurrent clients against batched scoring. */
@Command(name = "serve-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measure requests/s and latency of 'cyborg serve' under concurrent clients, against batch scoring.",
            "",
            "Scores the folder's images once in batches (as 'cyborg score'), then starts the server in-process"
                + " on a free port and posts them, one image per request, from concurrent HTTP clients. Prints"
                + " requests/s, images/s, p50/p99 latency and the ratio to batched scoring (not when a request"
                + " failed). The folder needs at least " + ServeBench.MIN_BATCHES + " batches of images (64 at"
                + " --max-batch 8): fewer are too few to time.",
            "",
            "Example:",
            "  cyborg serve-bench --model resnet50.pth --arch resnet50 --folder images/ --clients 64 --requests 400",
            "  cyborg serve-bench --model runs/cyborg --folder images/ --api v2     # the Open Inference Protocol"
        })
final class ServeBenchCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR|FILE", description = "The model (as for serve).")
    String model;

    @Option(names = "--arch", paramLabel = "NAME", completionCandidates = Choices.Architectures.class,
            description = "With a weight file: its architecture, one of ${COMPLETION-CANDIDATES}.")
    String arch;

    @Option(names = "--folder", required = true, paramLabel = "DIR", description = "Images to post (searched recursively).")
    Path folder;

    @Option(names = "--clients", defaultValue = "64", description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", defaultValue = "0",
            description = "Requests in all, one image each (default: 2 per image).")
    int requests;

    @Option(names = "--api", defaultValue = "v1", paramLabel = "v1|v2",
            description = "What the clients post to: v1, POST /api/v1/score (multipart); v2, the Open Inference"
                    + " Protocol's POST /v2/models/NAME/infer (JSON, the image base64) (default: ${DEFAULT-VALUE}).")
    String api;

    @Mixin
    BatchingOptions batching = new BatchingOptions();

    @Override
    public Integer call() throws Exception {
        ServeBench.Api protocol = switch (api.toLowerCase(java.util.Locale.ROOT)) {
            case "v1" -> ServeBench.Api.V1;
            case "v2" -> ServeBench.Api.V2;
            default -> throw new IllegalArgumentException("--api must be v1 or v2, got '" + api + "'");
        };
        List<Path> images;
        try (Stream<Path> files = Files.walk(folder)) {
            images = files.filter(Files::isRegularFile).filter(p -> ImageExtensions.isImage(p)).sorted().toList();
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException(folder + ": no images found; point --folder at a folder of PNG/JPEG files");
        }
        Architecture architecture = arch == null ? null : Architecture.parse(arch);
        ServeConfig config = batching.applyTo(ServeConfig.builder()).model(ModelSource.parse(model, architecture)).port(0)
                .queueCapacity(Math.max(256, 4 * clients)).build();
        int n = requests > 0 ? requests : 2 * images.size();
        ServeBench.check(images.size(), clients, n, batching.maxBatch); // before the models load
        System.out.printf("serve-bench: %d images, %d clients, %d requests, %d cores%n", images.size(), clients, n,
                Runtime.getRuntime().availableProcessors());
        ServeBench.run(config, images, clients, n, batching.maxBatch, protocol, System.out);
        return 0;
    }
}
