package cyborg.nn;

import java.util.Map;

/**
 * Folds every batch normalisation that directly follows a convolution into it, for inference
 * (see {@link Conv2d#foldIn}). "Directly follows" is read off the module tree: a {@link Conv2d}
 * child registered immediately before a {@link BatchNorm2d} child of the same module, which is how
 * every network here registers {@code conv -> bn} (torchvision's key order follows the forward
 * order). The networks' tests check the folded forward pass against the unfolded one, so a
 * network whose registration order lied would fail there, not in a user's scores.
 *
 * <p>A convolution whose own output is observed (ResNet's CAM layer, {@code layer4.2.conv3}: the
 * CAM is read before its batch norm) keeps its batch norm.
 */
public final class BatchNormFolding {
    private BatchNormFolding() {}

    /**
     * Folds {@code root}'s conv-then-batch-norm pairs, in place, and switches it to inference;
     * the convolution named {@code observed} (a dotted state-dict path, or null) is left as it is.
     * Gradients must be off. Returns how many pairs were folded.
     */
    public static int fold(Module root, String observed) {
        root.setTraining(false);
        return foldIn(root, "", observed);
    }

    private static int foldIn(Module module, String prefix, String observed) {
        int folded = 0;
        Map.Entry<String, Module>[] children = module.childModules().entrySet().toArray(new Map.Entry[0]);
        for (int i = 0; i < children.length; i++) {
            String name = prefix + children[i].getKey();
            Module child = children[i].getValue();
            if (child instanceof Conv2d conv && !name.equals(observed) && i + 1 < children.length
                    && children[i + 1].getValue() instanceof BatchNorm2d bn) {
                conv.foldIn(bn);
                folded++;
            }
            folded += foldIn(child, name + ".", observed);
        }
        return folded;
    }
}
