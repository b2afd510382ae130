package cyborg.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How many training images have a human map that the map-based loss terms (or counterexamples)
 * can use. A run that needs maps but finds none would silently train on its other terms alone
 * while its model says it was trained with the maps, so it is refused; a partial coverage is
 * reported.
 *
 * @param folder the map folder as given, or null when none was
 * @param images the usable training images
 * @param withoutMap those without a map file
 * @param constant those whose (averaged) map has all pixels equal: min-max normalisation would make
 *     it an all-zero target, so they train as images without a map
 */
public record MapCoverage(Path folder, int images, int withoutMap, int constant) {

    /** Images whose map the map-based terms use. */
    public int usable() {
        return images - withoutMap - constant;
    }

    /** Images that train without a map: those without one and those with a constant one. */
    public int unmapped() {
        return withoutMap + constant;
    }

    /**
     * Refuses a run in which no training image has a usable map.
     *
     * @param needer what needs the maps, e.g. {@code the loss ce:0.5,cyborg:0.5}
     */
    public void requireSome(String needer) throws IOException {
        if (images == 0 || usable() > 0) {
            return;
        }
        throw new IOException((folder == null ? "no map folder" : folder.toString()) + ": none of the " + images
                + " training images has a usable human map" + constantNote() + ", but " + needer
                + " needs them; " + MapIndex.MATCHING + ". Check --maps against the images' paths");
    }

    /**
     * One line, e.g. {@code human maps (data/maps): 740 of 800 training images; the other 60 train
     * with ce only}.
     *
     * @param unmappedFate what happens to the images without a usable map, e.g. {@code train with ce only}
     */
    public String summary(String unmappedFate) {
        String head = "human maps" + (folder == null ? "" : " (" + folder + ")") + ": " + usable() + " of " + images
                + " training images";
        if (unmapped() == 0) {
            return head;
        }
        return head + "; the other " + unmapped() + " " + unmappedFate + constantNote();
    }

    private String constantNote() {
        if (constant == 0) {
            return "";
        }
        return " (" + constant + " of them " + (constant == 1 ? "has" : "have") + " a constant map, which marks nothing: min-max normalisation"
                + " would make it an all-zero target)";
    }
}
