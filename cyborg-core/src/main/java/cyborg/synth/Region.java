package cyborg.synth;

/**
 * An elliptical part of a face in image pixels (eye, mouth, nose, hairline...): where a tell is
 * placed and where annotators point.
 *
 * @param name what the region is
 * @param cx centre x
 * @param cy centre y
 * @param rx half width
 * @param ry half height
 */
public record Region(String name, double cx, double cy, double rx, double ry) {
    /** Whether pixel centre (x, y) lies inside the region grown by {@code margin} (a factor, 1 = exact). */
    public boolean contains(double x, double y, double margin) {
        double dx = (x - cx) / (rx * margin);
        double dy = (y - cy) / (ry * margin);
        return dx * dx + dy * dy <= 1;
    }

    /** The same part grown by {@code f} about its centre (where a trace reaching past the part lies). */
    Region grown(double f) {
        return f == 1 ? this : new Region(name, cx, cy, rx * f, ry * f);
    }

    /** A copy scaled by {@code f} about the image origin (for supersampled rendering). */
    Region scaled(double f) {
        return new Region(name, cx * f, cy * f, rx * f, ry * f);
    }
}
