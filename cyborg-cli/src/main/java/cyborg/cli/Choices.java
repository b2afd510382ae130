package cyborg.cli;

import cyborg.data.Splits;
import cyborg.model.Architecture;
import cyborg.model.CamTarget;
import cyborg.saliency.SaliencyMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The values options accept, taken from the library's registries so that help texts
 * ({@code ${COMPLETION-CANDIDATES}}), shell completion and errors cannot disagree with what the
 * code knows. Each is a picocli {@code completionCandidates} class.
 */
final class Choices {
    private Choices() {}

    /** Architecture names. */
    static final class Architectures implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Architecture.values()).map(Architecture::id).iterator();
        }
    }

    /** Saliency method names. */
    static final class SaliencyMethods implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SaliencyMethod.ids().iterator();
        }
    }

    /** CAM targets. */
    static final class CamTargets implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(CamTarget.values()).map(CamTarget::id).iterator();
        }
    }

    /** CAM targets that are one class (saliency methods weigh one class's evidence). */
    static final class ClassTargets implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(CamTarget.values()).filter(CamTarget::isClass).map(CamTarget::id).iterator();
        }
    }

    /** Split names and 'all'. */
    static final class SplitSelections implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> all = new ArrayList<>(Splits.NAMES);
            all.add(SelectionOptions.ALL);
            return all.iterator();
        }
    }
}
