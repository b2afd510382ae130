package cyborg.explain;

import cyborg.data.ImageExtensions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The map images under a folder, depth first with names in sorted order, so that the same tree
 * is always measured in the same order. Folders are listed one at a time as the walk reaches
 * them: memory grows with the largest folder, not with the whole tree.
 */
public final class MapTree implements Iterator<Path> {
    /** Folders and files still to visit, the next one on top. */
    private final Deque<Path> pending = new ArrayDeque<>();
    private Path next;

    private MapTree(Path root) {
        pending.push(root);
    }

    /** The image files (by extension) under {@code root}; a listing failure is unchecked, naming the folder. */
    public static Iterator<Path> under(Path root) {
        return new MapTree(root);
    }

    /**
     * The given maps, with each folder among them replaced by the maps under it, lazily; a folder
     * without maps fails when the walk reaches it, since measuring nothing is surely a wrong path.
     */
    public static Iterator<Path> expand(List<Path> filesOrFolders) {
        return filesOrFolders.stream().flatMap(p -> {
            if (!Files.isDirectory(p)) {
                return Stream.of(p);
            }
            Iterator<Path> maps = under(p);
            if (!maps.hasNext()) {
                throw new IllegalArgumentException(p + ": no map images (" + ImageExtensions.listed()
                        + ") under this folder; check the path");
            }
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(maps, Spliterator.ORDERED), false);
        }).iterator();
    }

    @Override
    public boolean hasNext() {
        while (next == null && !pending.isEmpty()) {
            Path p = pending.pop();
            if (Files.isDirectory(p)) {
                List<Path> children = list(p);
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.push(children.get(i));
                }
            } else if (ImageExtensions.isImage(p)) {
                next = p;
            }
        }
        return next != null;
    }

    @Override
    public Path next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Path p = next;
        next = null;
        return p;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list the folder (" + e.getMessage()
                    + "); check its permissions", e);
        }
    }
}
