package cyborg.synth;

import java.util.List;
import java.util.Random;

/**
 * The random geometry and colours of one face, in pixels of the final image: face oval, eyes with
 * irises, pupils and highlights, brows, nose, mouth (sometimes with teeth), hair, lighting.
 */
final class Face {
    /** Face size against version 2's (a face width of about half the image then). */
    static final double FACE_SCALE = 1.3;
    final int size;
    final double cx;
    final double cy;
    final double rx;
    final double ry;
    final float[] skin;
    final float[] hair;
    final double hairline;
    final float[] irisColor;
    final Region leftEye;
    final Region rightEye;
    final double irisRadius;
    final double highlightDx;
    final double highlightDy;
    final Region nose;
    final Region mouth;
    final boolean teeth;
    final float[] lips;
    final double lightAngle;
    final double browThickness;

    Face(Random r, int size) {
        this.size = size;
        double s = size;
        cx = s * (0.5 + 0.03 * r.nextGaussian());
        cy = s * (0.54 + 0.02 * r.nextGaussian());
        // version 3 draws faces 1.3 times as large as version 2 did (closer crops, as in FFHQ),
        // so that a face part covers more pixels
        rx = s * (0.25 + 0.03 * r.nextDouble()) * FACE_SCALE;
        ry = rx * (1.22 + 0.12 * r.nextDouble());
        double tone = 0.25 + 0.7 * r.nextDouble();
        skin = new float[] {(float) (95 + 150 * tone), (float) (60 + 130 * tone), (float) (45 + 115 * tone)};
        hair = pick(r, new float[][] {{30, 22, 18}, {70, 45, 25}, {150, 110, 60}, {200, 170, 110}, {110, 40, 25},
            {60, 60, 65}});
        hairline = cy - ry * (0.55 + 0.15 * r.nextDouble());
        irisColor = pick(r, new float[][] {{70, 45, 25}, {60, 100, 150}, {80, 120, 70}, {110, 80, 40}, {40, 30, 25}});
        double eyeY = cy - ry * (0.18 + 0.05 * r.nextDouble());
        double eyeDx = rx * (0.40 + 0.05 * r.nextDouble());
        double eyeRx = rx * (0.21 + 0.03 * r.nextDouble());
        double eyeRy = eyeRx * (0.55 + 0.1 * r.nextDouble());
        leftEye = new Region("left eye", cx - eyeDx, eyeY, eyeRx, eyeRy);
        rightEye = new Region("right eye", cx + eyeDx, eyeY, eyeRx, eyeRy);
        irisRadius = eyeRy * (0.85 + 0.1 * r.nextDouble());
        highlightDx = irisRadius * (0.2 + 0.25 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
        highlightDy = -irisRadius * (0.2 + 0.2 * r.nextDouble());
        nose = new Region("nose", cx + rx * 0.03 * r.nextGaussian(), cy + ry * (0.12 + 0.05 * r.nextDouble()),
                rx * (0.13 + 0.04 * r.nextDouble()), ry * (0.16 + 0.04 * r.nextDouble()));
        mouth = new Region("mouth", cx + rx * 0.03 * r.nextGaussian(), cy + ry * (0.50 + 0.06 * r.nextDouble()),
                rx * (0.36 + 0.08 * r.nextDouble()), ry * (0.08 + 0.04 * r.nextDouble()));
        teeth = r.nextDouble() < 0.6;
        lips = new float[] {(float) (150 + 50 * r.nextDouble()), (float) (55 + 30 * r.nextDouble()),
            (float) (60 + 30 * r.nextDouble())};
        lightAngle = r.nextDouble() * 2 * Math.PI;
        browThickness = eyeRy * (0.35 + 0.2 * r.nextDouble());
    }

    private static float[] pick(Random r, float[][] options) {
        return options[r.nextInt(options.length)].clone();
    }

    /** The band where hair meets the forehead. */
    Region hairlineBand() {
        return new Region("hairline", cx, hairline + ry * 0.06, rx * 0.75, ry * 0.12);
    }

    /** The brow above {@code eye} (as {@link FaceRenderer} draws it). */
    Region brow(Region eye) {
        return new Region(eye == leftEye ? "left brow" : "right brow", eye.cx(), eye.cy() - eye.ry() * 1.9,
                eye.rx() * 1.15, Math.max(1, browThickness));
    }

    /** Where the skin meets hair or background at the upper side of the face. */
    Region upperBoundary() {
        return new Region("face boundary", cx + rx * 0.82, cy - ry * 0.45, rx * 0.22, ry * 0.22);
    }

    /** The regions an annotator inspects on an authentic image. */
    List<Region> inspected() {
        return List.of(leftEye, rightEye, nose, mouth);
    }

    /** Whether (x, y) lies on the face oval (skin or hair), as opposed to background. */
    boolean onHead(double x, double y) {
        double dx = (x - cx) / (rx * 1.08);
        double dy = (y - cy) / (ry * 1.1);
        return dx * dx + dy * dy <= 1.05 || (y < cy && Math.abs(x - cx) < rx * 1.1 && y > hairline - ry * 0.45);
    }
}
