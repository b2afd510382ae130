package cyborg.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import java.util.Locale;

/**
 * Where the network runs. CPU is the default everywhere (DJL's own default would take the first
 * GPU whenever one is visible, which should be the user's choice, not the machine's).
 */
public enum ComputeDevice {
    CPU, GPU;

    /** The name on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The DJL device; a GPU must be visible to PyTorch, which needs the CUDA natives and a driver. */
    public Device device() {
        if (this == CPU) {
            return Device.cpu();
        }
        if (Engine.getInstance().getGpuCount() == 0) {
            throw new IllegalArgumentException("--device gpu: PyTorch sees no GPU here; build cyborg with CUDA"
                    + " natives (mvn -Pcuda -DskipTests install, see the README's 'Platforms and GPUs') on a machine"
                    + " with an NVIDIA driver for CUDA 12.4, or use --device cpu");
        }
        return Device.gpu();
    }

    /** A base manager whose arrays live on this device. */
    public NDManager newManager() {
        return NDManager.newBaseManager(device());
    }
}
