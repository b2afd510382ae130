package cyborg.eval;

import cyborg.data.FolderLayout;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ground truth for scored images, found by path: a score's image path matches the entry whose
 * relative path (CSV relpath, or path below the folder-layout root) it ends with.
 */
public final class LabelIndex {
    /** The class and source of one image. */
    public record Entry(int label, String source) {}

    private final Map<String, Entry> byTail = new HashMap<>();

    private LabelIndex() {}

    /** Labels from a reference split CSV (every split; rows are matched by relpath). */
    public static LabelIndex fromCsv(Path csv, SkipReport skips) throws IOException {
        LabelIndex index = new LabelIndex();
        for (SplitCsv.Row row : SplitCsv.readRows(csv, skips)) {
            index.byTail.put(row.relpath(), new Entry(row.label().index(), row.source()));
        }
        return index;
    }

    /** Labels of samples already read, matched by their keys. */
    public static LabelIndex fromSamples(List<Sample> samples) {
        LabelIndex index = new LabelIndex();
        for (Sample s : samples) {
            String key = s.key().replace('\\', '/');
            index.byTail.put(key.startsWith("/") ? key : "/" + key, new Entry(s.label().index(), s.source()));
        }
        return index;
    }

    /** Labels from the folder layout under {@code root}. */
    public static LabelIndex fromFolder(Path root) throws IOException {
        LabelIndex index = new LabelIndex();
        for (Sample s : FolderLayout.scan(root, "test").samples()) {
            String tail = "/" + root.relativize(s.image()).toString().replace('\\', '/');
            index.byTail.put(tail, new Entry(s.label().index(), s.source()));
        }
        return index;
    }

    /** The entry whose relative path {@code imagePath} ends with, or null. */
    public Entry find(String imagePath) {
        String p = imagePath.replace('\\', '/');
        Entry e = byTail.get(p.startsWith("/") ? p : "/" + p);
        for (int i = p.indexOf('/', 1); e == null && i >= 0; i = p.indexOf('/', i + 1)) {
            e = byTail.get(p.substring(i));
        }
        return e;
    }

    public int size() {
        return byTail.size();
    }

    /** Paths of a score list that no entry matches, for error messages. */
    public List<String> unmatched(List<String> paths) {
        return paths.stream().filter(p -> find(p) == null).toList();
    }
}
