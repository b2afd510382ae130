package cyborg.web;

import cyborg.model.SavedModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names clients select models by: an explicit {@code NAME=PATH} name, else the model's
 * folder name (a weight file's name without extension), with as many parent folders prefixed as
 * it takes to tell same-named models apart ({@code cyborg/run-1}, {@code focus/run-1}). Versions
 * ({@code NAME:VERSION=PATH}) let one name stand for several models.
 */
final class ModelNames {
    private ModelNames() {
    }

    /**
     * One name per source, in order; refuses two models with the same name and version, and a name
     * given both with and without a version.
     */
    static List<String> assign(List<ModelSource> sources) {
        List<List<String>> parts = new ArrayList<>();
        for (ModelSource s : sources) {
            parts.add(s.name() != null ? List.of(s.name()) : pathParts(s));
        }
        int[] depth = new int[sources.size()];
        java.util.Arrays.fill(depth, 1);
        List<String> names = names(parts, depth);
        for (boolean changed = true; changed; ) {
            changed = false;
            Map<String, Integer> counts = new HashMap<>();
            names.forEach(n -> counts.merge(n, 1, Integer::sum));
            for (int i = 0; i < names.size(); i++) {
                if (counts.get(names.get(i)) > 1 && depth[i] < parts.get(i).size()) {
                    depth[i]++;
                    changed = true;
                }
            }
            names = names(parts, depth);
        }
        Set<String> seen = new HashSet<>();
        Map<String, Boolean> versioned = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            ModelSource s = sources.get(i);
            String key = ServedModel.key(names.get(i), s.version());
            if (!seen.add(key)) {
                throw new IllegalArgumentException("two models are both called '" + key + "' (" + s.location()
                        + "); name them apart with --model NAME=PATH" + (s.version() != null ? "" : " or give"
                        + " versions with --model NAME:VERSION=PATH"));
            }
            String name = names.get(i);
            if (name.endsWith("/ready") || name.endsWith("/infer") || name.contains("/versions/")) {
                // /v2/models/NAME[/versions/V][/ready|/infer] is read from its end: such a name could not be reached
                throw new IllegalArgumentException("model name '" + name + "' (" + s.location() + ") ends in /ready"
                        + " or /infer or holds /versions/, which the Open Inference Protocol's paths cannot tell from"
                        + " their own; name it with --model NAME=PATH");
            }
            // a name is either one unversioned model or a set of versions: which one a bare name means stays clear
            Boolean before = versioned.putIfAbsent(names.get(i), s.version() != null);
            if (before != null && before != (s.version() != null)) {
                throw new IllegalArgumentException("model '" + names.get(i) + "' is given both with and without a"
                        + " version (" + s.location() + "); give every copy of it a version: --model "
                        + names.get(i) + ":VERSION=PATH");
            }
        }
        return names;
    }

    private static List<String> names(List<List<String>> parts, int[] depth) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            List<String> p = parts.get(i);
            out.add(String.join("/", p.subList(p.size() - Math.min(depth[i], p.size()), p.size())));
        }
        return out;
    }

    /** The folder names from the root down to the model's own name. */
    private static List<String> pathParts(ModelSource s) {
        Path p = s.location().toAbsolutePath().normalize();
        String file = p.getFileName() == null ? "model" : p.getFileName().toString();
        if (s.arch() != null) {
            int dot = file.lastIndexOf('.');
            p = p.resolveSibling(dot > 0 ? file.substring(0, dot) : file);
        } else if (file.equals(SavedModel.WEIGHTS) && p.getParent() != null) {
            p = p.getParent();
        }
        List<String> parts = new ArrayList<>();
        p.forEach(part -> parts.add(part.toString()));
        return parts.isEmpty() ? List.of("model") : parts;
    }
}
