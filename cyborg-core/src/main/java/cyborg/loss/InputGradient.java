package cyborg.loss;







import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code d s / d x} with its graph (double backpropagation), computed as
 * {@code torch.autograd.grad(s, x, create_graph=True)} by a tiny TorchScript module shipped with
 * cyborg ({@code input_gradient.pt}, written by {@code tools/torchscript/make_input_gradient.py}).
 *
 * <p>Why not {@code backward(create_graph=True)}: it stores the gradient in {@code x.grad},
 * whose graph leads back to {@code x}, a reference cycle PyTorch only breaks by setting the
 * gradient to None, which DJL 0.35.1 cannot do; every step's graph then stayed in memory (about
 * 60 MB a step for {@code smallresnet} at 64 px). {@code autograd.grad} returns the gradient
 * without storing it, so nothing is kept.
 */
final class InputGradient {
    private static final String RESOURCE = "input_gradient.pt";

    private InputGradient() {}

    /** Loaded once per JVM, on first use, into a manager that lives as long as the JVM. */
    private static final class Module {
        static final PtSymbolBlock BLOCK = load();

        private static PtSymbolBlock load() {
            try (InputStream in = InputGradient.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the cyborg-core jar");
                }
                return JniUtils.loadModule((PtNDManager) NDManager.newBaseManager(), in, false, false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load " + RESOURCE, e);
            }
        }
    }

    /**
     * The gradient of the scalar {@code s} with respect to {@code x} (which must require gradient
     * and be part of {@code s}'s graph), differentiable further; in {@code s}'s manager.
     */
    static NDArray of(NDArray s, NDArray x) {
        NDList out = IValueUtils.forward(Module.BLOCK, new NDList(s, x), true);
        return out.singletonOrThrow();
    }
}
