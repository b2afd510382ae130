package cyborg.explain;

import cyborg.data.BadInputException;
import cyborg.data.Origin;

import java.nio.file.Path;

/**
 * Two saved maps to compare, with where the pair was declared.
 *
 * @param shownA the first map as the user wrote it (a CSV cell, or a path), for output
 * @param shownB the second map as the user wrote it
 * @param a the first map's file
 * @param b the second map's file
 * @param origin the CSV file and line, or the first map's file
 * @param bad why the declaration itself is unusable (e.g. a row with three columns), else null;
 *     kept with the pair so that it is reported at its position in the input
 */
public record MapPair(String shownA, String shownB, Path a, Path b, Origin origin, BadInputException bad) {
}
