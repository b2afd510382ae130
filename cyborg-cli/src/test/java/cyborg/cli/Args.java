package cyborg.cli;

import java.util.ArrayList;
import java.util.List;

/** Command lines assembled from words and groups of words (e.g. a bench's {@code --csv ... --images ...}). */
final class Args {
    private Args() {}

    static String[] of(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String[] group) {
                out.addAll(List.of(group));
            } else {
                out.add(p.toString());
            }
        }
        return out.toArray(String[]::new);
    }
}
