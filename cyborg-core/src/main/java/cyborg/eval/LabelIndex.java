package cyborg.eval;

import cyborg.data.Origin;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import cyborg.data.Splits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ground truth for scored images, found by path: a score's image path matches the entry whose
 * relative path (CSV relpath, or path below the folder-layout root) it ends with. It knows every
 * row of its source but evaluates one split of it, so that a score of another split's image can
 * be told apart from one of an unknown image.
 */
public final class LabelIndex {
    /** Evaluates every row, whatever its split. */
    public static final String ALL = "all";

    /**
     * The ground truth of one image.
     *
     * @param label class index
     * @param source its authentic source or generator
     * @param split its split
     * @param path its relative path
     * @param origin the CSV line (or image file) it comes from
     */
    public record Entry(int label, String source, String split, String path, Origin origin) {}

    private final Map<String, Entry> byTail = new LinkedHashMap<>();
    private final String split;
    private final String kind;
    private final String from;

    private LabelIndex(String split, String kind, String from) {
        this.split = split;
        this.kind = kind;
        this.from = from;
    }

    /**
     * Labels from a reference split CSV, evaluating the rows of {@code split} ({@link #ALL} for
     * every row); rows are matched by relpath.
     */
    public static LabelIndex fromCsv(Path csv, String split, SkipReport skips) throws IOException {
        String name = checked(split);
        LabelIndex index = new LabelIndex(name, "rows", csv.toString());
        for (SplitCsv.Row row : SplitCsv.readRows(csv, skips)) {
            index.byTail.put(row.relpath(), new Entry(row.label().index(), row.source(), row.split(), row.relpath(),
                    row.origin()));
        }
        if (index.evaluated().isEmpty()) {
            throw new IOException(csv + ": no '" + name + "' rows to evaluate; choose --split train|val|test|all");
        }
        return index;
    }

    /** Labels of samples already read, matched by their keys; every sample is evaluated. */
    public static LabelIndex fromSamples(List<Sample> samples) {
        LabelIndex index = new LabelIndex(ALL, "images", "the data set");
        for (Sample s : samples) {
            String key = s.key().replace('\\', '/');
            String tail = key.startsWith("/") ? key : "/" + key;
            index.byTail.put(tail, new Entry(s.label().index(), s.source(), s.split(), tail, s.origin()));
        }
        return index;
    }

    /**
     * Labels of the folder layout under {@code root}, scanned into {@code samples}, matched by path
     * below the root; evaluates the images of {@code split} ({@link #ALL} for every image).
     */
    public static LabelIndex fromFolder(Path root, List<Sample> samples, String split) throws IOException {
        String name = checked(split);
        LabelIndex index = new LabelIndex(name, "images", root.toString());
        for (Sample s : samples) {
            String tail = "/" + root.relativize(s.image()).toString().replace('\\', '/');
            index.byTail.put(tail, new Entry(s.label().index(), s.source(), s.split(), tail, s.origin()));
        }
        if (index.evaluated().isEmpty()) {
            throw new IOException(root + ": no '" + name + "' images to evaluate (no " + name + "/ folder);"
                    + " choose --split train|val|test|all");
        }
        return index;
    }

    private static String checked(String split) {
        if (split.equals(ALL)) {
            return ALL;
        }
        String name = Splits.normalize(split);
        if (name == null) {
            throw new IllegalArgumentException("--split must be train, val, test or all, not '" + split + "'");
        }
        return name;
    }

    /** The entry whose relative path {@code imagePath} ends with, or null; it may be of another split. */
    public Entry find(String imagePath) {
        String p = imagePath.replace('\\', '/');
        Entry e = byTail.get(p.startsWith("/") ? p : "/" + p);
        for (int i = p.indexOf('/', 1); e == null && i >= 0; i = p.indexOf('/', i + 1)) {
            e = byTail.get(p.substring(i));
        }
        return e;
    }

    /** Whether {@code e} is of the evaluated split. */
    public boolean evaluates(Entry e) {
        return split.equals(ALL) || split.equals(e.split());
    }

    /** The entries of the evaluated split, in file order. */
    public List<Entry> evaluated() {
        return byTail.values().stream().filter(this::evaluates).toList();
    }

    /** The evaluated split's name, or {@link #ALL}. */
    public String split() {
        return split;
    }

    /** The evaluated rows for messages, e.g. {@code 'test' rows of data/split.csv}. */
    public String rows() {
        return (split.equals(ALL) ? "" : "'" + split + "' ") + kind + " of " + from;
    }

    /** Where the ground truth comes from: the split file or folder. */
    public String from() {
        return from;
    }

    public int size() {
        return byTail.size();
    }
}
