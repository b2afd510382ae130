package cyborg.synth;

import java.util.Random;

/**
 * Draws a {@link Face} in an {@link AuthenticStyle}: rendered at twice the size and halved, so
 * edges are anti-aliased, then colour-graded. Tells, shortcut and sensor noise come later.
 */
final class FaceRenderer {
    private static final int SUPERSAMPLE = 2;

    private FaceRenderer() {}

    static Raster render(Face face, AuthenticStyle style, Random rng) {
        int big = face.size * SUPERSAMPLE;
        Raster r = new Raster(big, big);
        style.background(r, rng);
        double s = SUPERSAMPLE;
        double cx = face.cx * s;
        double cy = face.cy * s;
        double rx = face.rx * s;
        double ry = face.ry * s;
        // hair behind the head, then the face oval with directional shading
        r.fillEllipse(cx, cy - ry * 0.15, rx * 1.12, ry * 1.05, face.hair, 1);
        double lx = Math.cos(face.lightAngle);
        double ly = Math.sin(face.lightAngle);
        for (int y = 0; y < big; y++) {
            for (int x = 0; x < big; x++) {
                double cov = Raster.ellipseCoverage(x + 0.5, y + 0.5, cx, cy, rx, ry);
                if (cov <= 0) {
                    continue;
                }
                double nx = (x + 0.5 - cx) / rx;
                double ny = (y + 0.5 - cy) / ry;
                double shade = 1 - style.lightStrength * (0.5 + 0.5 * (nx * lx + ny * ly)) * 0.6;
                float[] c = {(float) (face.skin[0] * shade), (float) (face.skin[1] * shade), (float) (face.skin[2] * shade)};
                r.blend(x, y, c, cov);
            }
        }
        // hair over the forehead down to the hairline
        double hairBottom = face.hairline * s;
        for (int y = 0; y < big; y++) {
            for (int x = 0; x < big; x++) {
                double inHead = Raster.ellipseCoverage(x + 0.5, y + 0.5, cx, cy - ry * 0.1, rx * 1.1, ry * 1.05);
                double above = Raster.clamp01((hairBottom - (y + 0.5)) / 2.0 + 0.5
                        + 0.15 * Math.sin((x + 0.5) / rx * 6));
                r.blend(x, y, face.hair, inHead * above);
            }
        }
        drawEye(r, face.leftEye.scaled(s), face, s, face.irisColor, face.highlightDx * s, face.highlightDy * s);
        drawEye(r, face.rightEye.scaled(s), face, s, face.irisColor, face.highlightDx * s, face.highlightDy * s);
        Region nose = face.nose.scaled(s);
        float[] noseShade = {face.skin[0] * 0.82f, face.skin[1] * 0.78f, face.skin[2] * 0.78f};
        r.fillEllipse(nose.cx(), nose.cy() + nose.ry() * 0.5, nose.rx(), nose.ry() * 0.45, noseShade, 0.8);
        r.fillEllipse(nose.cx() - nose.rx() * 0.4, nose.cy() + nose.ry() * 0.7, nose.rx() * 0.22, nose.ry() * 0.15,
                new float[] {40, 25, 25}, 0.7);
        r.fillEllipse(nose.cx() + nose.rx() * 0.4, nose.cy() + nose.ry() * 0.7, nose.rx() * 0.22, nose.ry() * 0.15,
                new float[] {40, 25, 25}, 0.7);
        Region mouth = face.mouth.scaled(s);
        r.fillEllipse(mouth.cx(), mouth.cy(), mouth.rx(), mouth.ry(), face.lips, 1);
        if (face.teeth) {
            r.fillEllipse(mouth.cx(), mouth.cy(), mouth.rx() * 0.75, mouth.ry() * 0.45, new float[] {235, 230, 215}, 1);
        } else {
            r.fillEllipse(mouth.cx(), mouth.cy(), mouth.rx() * 0.8, mouth.ry() * 0.15, new float[] {70, 25, 30}, 1);
        }
        Raster out = r.halve();
        style.grade(out);
        return out;
    }

    private static void drawEye(Raster r, Region eye, Face face, double s, float[] iris, double hx, double hy) {
        float[] brow = {face.hair[0] * 0.8f, face.hair[1] * 0.8f, face.hair[2] * 0.8f};
        r.fillEllipse(eye.cx(), eye.cy() - eye.ry() * 1.9, eye.rx() * 1.15, face.browThickness * s, brow, 0.9);
        r.fillEllipse(eye.cx(), eye.cy(), eye.rx(), eye.ry(), new float[] {240, 238, 232}, 1);
        drawIris(r, eye, face.irisRadius * s, iris, hx, hy);
    }

    /** Iris, pupil and specular highlight; also used by a generator that repaints one iris. */
    static void drawIris(Raster r, Region eye, double radius, float[] iris, double hx, double hy) {
        r.fillEllipse(eye.cx(), eye.cy(), radius, radius, iris, 1);
        r.fillEllipse(eye.cx(), eye.cy(), radius * 0.45, radius * 0.45, new float[] {15, 12, 12}, 1);
        r.fillEllipse(eye.cx() + hx, eye.cy() + hy, radius * 0.25, radius * 0.25, new float[] {255, 255, 255}, 0.95);
    }
}
