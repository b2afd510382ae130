package cyborg.nn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

/**
 * Keeps libtorch from printing "Could not initialize NNPACK! Reason: Unsupported hardware." on
 * every convolution, on CPUs NNPACK cannot use (it needs AVX2, FMA and a detected L3 cache; many
 * cloud VMs lack one). PyTorch 2.7.1 computes NNPACK's status once but logs the failure each time
 * a convolution asks whether NNPACK is available, which it asks only while NNPACK is enabled
 * ({@code torch.backends.nnpack.set_flags(False)} in Python). DJL 0.35.1 exposes no such switch, and
 * {@code TORCH_CPP_LOG_LEVEL} is not read by libtorch under DJL (measured: the warning stays), so
 * this asks NNPACK itself ({@code nnp_initialize}, which logs nothing) and, only when it refuses,
 * turns NNPACK off in libtorch's global context through JNA (already on DJL's class path). Where
 * NNPACK works nothing changes, and no other warning is hidden. If a symbol is missing (another
 * libtorch build or platform) it does nothing: the warning stays, nothing else changes.
 */
public final class NnpackWarning {
    private static final Logger LOG = LoggerFactory.getLogger(NnpackWarning.class);
    /** NNPACK's {@code nnp_status_success}. */
    private static final int NNP_SUCCESS = 0;
    /** dlopen's RTLD_LAZY (1 on Linux and macOS). */
    private static final int RTLD_LAZY = 1;
    private static boolean done;
    private static boolean disabled;

    private NnpackWarning() {
    }

    /**
     * Once per process: if NNPACK cannot run here, turns it off so libtorch stops warning about
     * it. Starts the PyTorch engine if needed. Returns whether NNPACK is now off.
     */
    public static synchronized boolean silence() {
        if (done) {
            return disabled;
        }
        done = true;
        try {
            Engine.getEngine("PyTorch");
            Path dir = Path.of(LibUtils.getLibtorchPath());
            // the library DJL loaded, opened again without RTLD_GLOBAL: its symbols stay out of the process's scope
            NativeLibrary torch = NativeLibrary.getInstance(dir.resolve(System.mapLibraryName("torch_cpu")).toString(),
                    Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY));
            int status = nnpInitialize(torch).invokeInt(new Object[0]);
            if (status != NNP_SUCCESS) {
                Pointer context = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
                torch.getFunction("_ZN2at7Context20setUserEnabledNNPACKEb").invokeVoid(new Object[] {context, false});
                disabled = true;
                LOG.debug("NNPACK cannot run here (status {}): turned off, so libtorch does not warn per convolution",
                        status);
            }
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("NNPACK left as it is ({})", e.toString());
        }
        return disabled;
    }

    /**
     * The {@code nnp_initialize} libtorch's own calls resolve to: the process's (where the dynamic
     * linker looks first, so a preloaded one wins, as it does for libtorch) if there is one, else
     * libtorch's.
     */
    private static Function nnpInitialize(NativeLibrary torch) {
        try {
            return NativeLibrary.getProcess().getFunction("nnp_initialize");
        } catch (UnsatisfiedLinkError e) {
            return torch.getFunction("nnp_initialize");
        }
    }
}
