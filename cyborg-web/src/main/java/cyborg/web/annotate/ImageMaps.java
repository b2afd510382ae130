package cyborg.web.annotate;

import cyborg.data.FloatMap;
import cyborg.data.HumanMaps;
import cyborg.data.BadInputException;
import cyborg.data.MapIndex;
import cyborg.data.Origin;
import cyborg.data.Sample;
import cyborg.image.ImageDecodeException;
import cyborg.image.ImageSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The human maps of a run's images, found in a map folder as {@code cyborg train --maps} finds them
 * ({@link MapIndex}): practice feedback shows them, gold pairs score masks against them.
 */
public final class ImageMaps {
    /** No map folder: no image has a map. */
    public static final ImageMaps NONE = new ImageMaps(Map.of(), List.of());
    /** Largest map, in pixels, decoded. */
    private static final long MAX_MAP_PIXELS = 40_000_000L;

    private final Map<Long, List<Path>> byImage;
    private final List<Path> unmatched;

    private ImageMaps(Map<Long, List<Path>> byImage, List<Path> unmatched) {
        this.byImage = byImage;
        this.unmatched = unmatched;
    }

    /** The map files of the folder that belong to none of this run's images (said at start, not dropped silently). */
    public List<Path> unmatched() {
        return unmatched;
    }

    /**
     * The maps in {@code dir} of the catalog's images; {@code samples} are the samples the catalog was
     * registered from (maps are matched to them by their path under the data root).
     */
    public static ImageMaps scan(Path dir, List<Sample> samples, ImageCatalog catalog) throws IOException {
        MapIndex.Assignment assignment = MapIndex.scan(dir).assign(samples);
        Map<Path, Long> idByFile = new HashMap<>();
        for (ImageRecord i : catalog.all()) {
            idByFile.put(catalog.file(i.id()).orElseThrow().toAbsolutePath().normalize(), i.id());
        }
        Map<Long, List<Path>> byImage = new HashMap<>();
        for (Sample s : samples) {
            List<Path> maps = assignment.mapsFor(s);
            Long id = idByFile.get(s.image().toAbsolutePath().normalize());
            if (!maps.isEmpty() && id != null) {
                byImage.put(id, List.copyOf(maps));
            }
        }
        return new ImageMaps(byImage, List.copyOf(assignment.unmatched()));
    }

    public boolean has(long image) {
        return byImage.containsKey(image);
    }

    /** The images that have a map. */
    public java.util.Set<Long> images() {
        return java.util.Collections.unmodifiableSet(byImage.keySet());
    }

    /**
     * The image's maps averaged as training averages them ({@link HumanMaps}), as an 8-bit gray PNG
     * at the maps' size: what practice feedback shows.
     */
    public byte[] averagePng(ImageRecord image) throws IOException {
        List<Path> maps = byImage.get(image.id());
        if (maps == null) {
            throw new IllegalArgumentException("image " + image.id() + " has no human map");
        }
        FloatMap m;
        try {
            m = HumanMaps.average(maps, new ImageSize(image.width(), image.height()), new Origin(maps.get(0), 0));
        } catch (BadInputException e) {
            throw new IOException(e.getMessage(), e);
        }
        int[] gray = new int[m.values().length];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = Math.round(Math.min(1f, Math.max(0f, m.values()[i])) * 255);
        }
        return Mask.grayPng(m.width(), m.height(), gray);
    }

    /**
     * The image's maps as masks, each marked where {@link Mask#decode} marks a pixel (the one rule
     * that makes a map a mask) and brought to the image's size by nearest neighbour; empty without maps.
     */
    public List<Mask> masks(ImageRecord image) throws IOException {
        List<Mask> out = new ArrayList<>();
        for (Path p : byImage.getOrDefault(image.id(), List.of())) {
            try {
                out.add(Mask.decode(Files.readAllBytes(p), p.toString(), MAX_MAP_PIXELS)
                        .resized(image.width(), image.height()));
            } catch (ImageDecodeException e) {
                throw new IOException("human map " + p + " cannot be read: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
