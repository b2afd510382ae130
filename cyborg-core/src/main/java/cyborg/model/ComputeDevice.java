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

    /** The DJL device (the first GPU for {@link #GPU}); a GPU must be visible to PyTorch, which needs the CUDA natives and a driver. */
    public Device device() {
        return device(0);
    }

    /**
     * The DJL device: the CPU, or GPU {@code gpu} (0-based, as PyTorch numbers them and Spark's task
     * resources name them) for {@link #GPU}; the index is ignored for {@link #CPU}.
     */
    public Device device(int gpu) {
        if (this == CPU) {
            return Device.cpu();
        }
        int visible = Engine.getInstance().getGpuCount();
        if (visible == 0) {
            throw new IllegalArgumentException("--device gpu: PyTorch sees no GPU here; build cyborg with CUDA"
                    + " natives (mvn -Pcuda -DskipTests install, see the README's 'Platforms and GPUs') on a machine"
                    + " with an NVIDIA driver for CUDA 12.4, or use --device cpu");
        }
        if (gpu < 0 || gpu >= visible) {
            throw new IllegalArgumentException("GPU " + gpu + " asked for, and PyTorch sees " + visible + " (0.."
                    + (visible - 1) + "); check CUDA_VISIBLE_DEVICES and the GPUs given to this process");
        }
        return Device.gpu(gpu);
    }

    /** A base manager whose arrays live on this device. */
    public NDManager newManager() {
        return newManager(0);
    }

    /** A base manager whose arrays live on this device, GPU {@code gpu} for {@link #GPU}. */
    public NDManager newManager(int gpu) {
        return NDManager.newBaseManager(device(gpu));
    }
}
