package cyborg.cli;

import cyborg.model.Architecture;
import cyborg.model.ModelRequest;
import cyborg.web.CyborgServer;
import cyborg.web.ModelSource;
import cyborg.web.ServeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cyborg serve}: the HTTP scoring service. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Serve trained detectors over HTTP: a page at / to try images, and a JSON API.",
            "",
            "Models are loaded once at start. Concurrent requests share forward passes: each model's worker"
                + " waits up to --batch-window-ms after an image arrives for others to join its batch (up to"
                + " --max-batch). Scores are exactly those of 'cyborg score' (same decoder, resize and model path).",
            "Listens on 127.0.0.1 unless --host says otherwise; with --token (or CYBORG_TOKEN) /api/* and"
                + " /metrics need 'Authorization: Bearer TOKEN'. Uploads stay in memory unless --keep-uploads."
                + " Ctrl-C or SIGTERM answers the requests in flight, then stops.",
            "",
            "Examples:",
            "  cyborg serve --model runs/cyborg",
            "  cyborg serve --model cyborg=runs/cyborg/run-1 --model focus=runs/focus/run-1 --port 9000",
            "  cyborg serve --model densenet.pth --arch densenet121 --token s3cret",
            "",
            "Then:",
            "  curl -F image=@face.png http://127.0.0.1:8080/api/v1/score",
            "  curl -F image=@a.png -F image=@b.jpg -F model=cyborg -F cam=true http://127.0.0.1:8080/api/v1/score",
            "  curl -H 'Authorization: Bearer s3cret' http://127.0.0.1:8080/api/v1/models",
            "  curl http://127.0.0.1:8080/healthz",
            "The Open Inference Protocol (KServe v2 REST) too: GET /v2/health/live (200 once listening),"
                + " /v2/health/ready (200 once every model is loaded), /v2/models/NAME (metadata),"
                + " POST /v2/models/NAME/infer (input 'images': BYTES [N] of base64-encoded image files):",
            "  curl -d '{\"inputs\":[{\"name\":\"images\",\"datatype\":\"BYTES\",\"shape\":[1],"
                + "\"data\":[\"'$(base64 -w0 face.png)'\"]}]}' http://127.0.0.1:8080/v2/models/cyborg/infer",
            "Versions: --model NAME:VERSION=PATH (repeat with other versions); /v2/models/NAME/versions/VERSION"
                + " picks one, NAME alone the highest.",
            "API: GET /api/v1/openapi.json; metrics: GET /metrics (Prometheus text, JVM and process metrics included)."
        })
final class ServeCommand implements Callable<Integer>, DrainsOnStop {
    @Option(names = "--model", required = true, paramLabel = "DIR|FILE|NAME=PATH",
            description = "A model to serve (repeat for several): a run folder of 'cyborg train' (or its"
                    + " model.safetensors), or a PyTorch/safetensors weight file with its FILE.json description (from"
                    + " cyborg export) or --arch; NAME=PATH names it, NAME:VERSION=PATH gives it a version"
                    + " (default: its folder name, with parent folders prefixed where two would clash).")
    List<String> models;

    @Option(names = "--arch", paramLabel = "NAME", completionCandidates = Choices.Architectures.class,
            description = "The architecture of the weight files among --model without a FILE.json description"
                    + " (a description must agree with it): ${COMPLETION-CANDIDATES}.")
    String arch;

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Option(names = "--max-upload-mb", defaultValue = "20",
            description = "Largest request body, in MB, 1.." + ServeConfig.MAX_UPLOAD_MB
                    + " (default: ${DEFAULT-VALUE}); larger ones get 413.")
    long maxUploadMb;

    @Option(names = "--max-pixels", defaultValue = "40000000",
            description = "Largest image, in pixels, checked from its header before decoding (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    @Mixin
    BatchingOptions batching = new BatchingOptions();

    @Option(names = "--queue", defaultValue = "" + ServeConfig.DEFAULT_QUEUE_CAPACITY,
            description = "Images waiting per model before clients get 503 + Retry-After (default: ${DEFAULT-VALUE}).")
    int queue;

    @Writes
    @Option(names = "--keep-uploads", paramLabel = "DIR",
            description = "Keep every upload in DIR under a generated name (default: uploads never touch the disk).")
    Path keepUploads;

    @Override
    public Integer call() throws Exception {
        ServeConfig config = config();
        CyborgServer server = CyborgServer.open(config);
        System.out.println("cyborg serve: listening at " + listen.url(server.port()) + ", loading "
                + config.models().size() + " model(s) (GET /v2/health/ready answers 200 once they are loaded)");
        try {
            server.awaitReady();
        } catch (Exception e) {
            server.close();
            throw e;
        }
        ListenOptions.runUntilStopped("cyborg-serve", "cyborg serve: ready at " + listen.url(server.port())
                + " (Ctrl-C stops)", server::close);
        return 0;
    }

    ServeConfig config() {
        ServeConfig.Builder b = batching.applyTo(ServeConfig.builder()).host(listen.host).port(listen.port)
                .token(listen.token())
                .maxUploadMb(maxUploadMb).maxPixels(maxPixels)
                .queueCapacity(queue).keepUploads(keepUploads);
        Architecture architecture = arch == null ? null : Architecture.parse(arch);
        for (String spec : models) {
            // --arch applies to the weight files among the models (a described one must agree with
            // it); a weight file with neither is refused when the models load, saying to add --arch
            ModelSource plain = ModelSource.parse(spec, null);
            b.model(ModelRequest.isWeightFile(plain.location(), true) ? ModelSource.parse(spec, architecture) : plain);
        }
        return b.build();
    }
}
