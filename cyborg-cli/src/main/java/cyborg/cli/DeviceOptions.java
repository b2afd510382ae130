package cyborg.cli;

import cyborg.model.ComputeDevice;
import picocli.CommandLine.Option;

/** Where the network runs. */
final class DeviceOptions {
    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu",
            description = "Run the network on the CPU (default) or the first GPU (needs a build with CUDA natives:"
                    + " see the README's 'Platforms and GPUs').")
    ComputeDevice device;
}
