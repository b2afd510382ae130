package cyborg.data;

import cyborg.util.FirstFew;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a folder-layout scan passed over, so that it can say so: a file that is not an image, or a
 * folder that is not a class folder, may be data the user meant to include.
 */
public final class IgnoredFiles {
    private final List<String> notImages = new ArrayList<>();
    private final List<String> outsideClassFolders = new ArrayList<>();
    private final List<String> otherFolders = new ArrayList<>();
    private final List<String> shadowedClassFolders = new ArrayList<>();

    IgnoredFiles() {}

    /** A file inside a class folder whose name does not end in an image extension. */
    void notImage(String relative) {
        notImages.add(relative);
    }

    /** A file next to the class folders instead of inside one. */
    void outsideClassFolder(String relative) {
        outsideClassFolders.add(relative);
    }

    /** A folder where class (or split) folders are expected that is neither. */
    void otherFolder(String relative) {
        otherFolders.add(relative);
    }

    /** A class folder at the root, not read because the root has split folders. */
    void shadowedClassFolder(String relative) {
        shadowedClassFolders.add(relative);
    }

    public boolean isEmpty() {
        return notImages.isEmpty() && outsideClassFolders.isEmpty() && otherFolders.isEmpty()
                && shadowedClassFolders.isEmpty();
    }

    /**
     * One line, e.g. {@code ignored 3 files not ending in .png/.jpg/... (e.g. real/a.txt)
     * and folder 'other/' (not a class folder: real, 0_real, synthetic, fake, 1_fake)}; empty when
     * nothing was ignored.
     */
    public Optional<String> note() {
        List<String> parts = new ArrayList<>();
        if (!notImages.isEmpty()) {
            parts.add(files(notImages.size()) + " not ending in " + ImageExtensions.listed() + examples(notImages));
        }
        if (!outsideClassFolders.isEmpty()) {
            parts.add(files(outsideClassFolders.size()) + " outside the class folders" + examples(outsideClassFolders));
        }
        if (!otherFolders.isEmpty()) {
            parts.add(folders(otherFolders) + " (not " + (otherFolders.size() == 1 ? "a class folder" : "class folders")
                    + ": " + Label.FOLDER_NAMES + ")");
        }
        if (!shadowedClassFolders.isEmpty()) {
            parts.add(folders(shadowedClassFolders) + " (the root has train/val/test folders, so only they are read)");
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String last = parts.remove(parts.size() - 1);
        return Optional.of("ignored " + (parts.isEmpty() ? last : String.join(", ", parts) + " and " + last));
    }

    private static String files(int n) {
        return n + (n == 1 ? " file" : " files");
    }

    private static String examples(List<String> all) {
        return " (e.g. " + FirstFew.of(all, ", ") + ")";
    }

    private static String folders(List<String> all) {
        return (all.size() == 1 ? "folder " : all.size() + " folders ")
                + FirstFew.of(all.stream().map(f -> "'" + f + "/'").toList(), ", ");
    }
}
