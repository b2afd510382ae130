package cyborg.synth;

import java.util.List;
import java.util.Random;

/**
 * Families of simulated face generators. Each leaves its own tell, where real generators leave
 * theirs, on the final pixel grid, inside the regions {@link #tellRegions} names (and annotators
 * mark). Families differ in kind (periodic pattern, colour inconsistency, smearing, bleeding,
 * blob), frequency and strength; each image draws its strength from [0.6, 1] of the family's.
 */
public enum GeneratorFamily {
    /** Upsampling checkerboard (period 2) inside both eyes, as transposed convolutions leave (ProGAN-like). */
    CHECKER_EYES("checker-eyes"),
    /** The two irises differ in colour and in the side of their specular highlight (StyleGAN-like). */
    IRIS_MISMATCH("iris-mismatch"),
    /** Teeth and lips smeared sideways with a repeating stripe (StyleGAN2-like). */
    SMEARED_MOUTH("smeared-mouth"),
    /** Hair colour bleeding in blotches across the hairline into the forehead (StarGAN-like). */
    HAIRLINE_BLEED("hairline-bleed"),
    /** A faint oblique grating of period 3 px over the nose: a spectral peak (StyleGAN3-like aliasing). */
    SPECTRAL_NOSE("spectral-nose"),
    /** A droplet-shaped blob where the face meets hair or background (StyleGAN-ADA-like). */
    DROPLET("droplet");

    private final String id;

    GeneratorFamily(String id) {
        this.id = id;
    }

    /** The folder and source name, e.g. {@code checker-eyes}. */
    public String id() {
        return id;
    }

    /** Where this family's tell lies on {@code face}. */
    List<Region> tellRegions(Face face) {
        return switch (this) {
            case CHECKER_EYES -> List.of(face.leftEye, face.rightEye);
            case IRIS_MISMATCH -> List.of(face.rightEye);
            case SMEARED_MOUTH -> List.of(face.mouth);
            case HAIRLINE_BLEED -> List.of(face.hairlineBand());
            case SPECTRAL_NOSE -> List.of(face.nose);
            case DROPLET -> List.of(face.upperBoundary());
        };
    }

    /** Applies the tell to a final-size image of {@code face}. */
    void apply(Raster r, Face face, Random rng) {
        double strength = 0.6 + 0.4 * rng.nextDouble();
        switch (this) {
            case CHECKER_EYES -> forEach(r, tellRegions(face), 1.0, (x, y) -> {
                double d = ((x + y) & 1) == 0 ? 40 * strength : -40 * strength;
                r.add(x, y, d, d, d);
            });
            case IRIS_MISMATCH -> {
                Region eye = face.rightEye;
                float[] other = {face.irisColor[2] + 60, face.irisColor[0] * 0.6f + 40, face.irisColor[1] * 0.5f + 20};
                double shift = strength * 0.9;
                FaceRenderer.drawIris(r, eye, face.irisRadius, other, -face.highlightDx * (1 + shift),
                        face.highlightDy * (1 - shift));
            }
            case SMEARED_MOUTH -> {
                Raster src = r.copy();
                forEach(r, tellRegions(face), 1.25, (x, y) -> {
                    int i = r.index(x, y);
                    double stripe = (x % 3 == 0 ? 24 : -12) * strength;
                    for (int c = 0; c < 3; c++) {
                        double sum = 0;
                        for (int dx = -3; dx <= 3; dx++) {
                            int xx = Math.min(r.width - 1, Math.max(0, x + dx));
                            sum += src.rgb[src.index(xx, y) + c];
                        }
                        r.rgb[i + c] = (float) (sum / 7 * strength + src.rgb[i + c] * (1 - strength) + stripe);
                    }
                });
            }
            case HAIRLINE_BLEED -> {
                double phase = rng.nextDouble() * 10;
                forEach(r, tellRegions(face), 1.0, (x, y) -> {
                    double blotch = 0.5 + 0.5 * Math.sin(x * 1.3 + phase) * Math.cos(y * 1.7 - phase);
                    r.blend(x, y, face.hair, 0.75 * strength * blotch);
                });
            }
            case SPECTRAL_NOSE -> forEach(r, tellRegions(face), 1.3, (x, y) -> {
                double v = 13 * strength * Math.sin(2 * Math.PI * (x * 0.8 + y * 0.6) / 3.0);
                r.add(x, y, v, v, v);
            });
            case DROPLET -> {
                Region at = face.upperBoundary();
                double rad = at.rx() * (0.55 + 0.3 * strength);
                float[] dark = {90, 40, 70};
                r.fillEllipse(at.cx(), at.cy(), rad, rad, dark, 0.85 * strength);
                r.fillEllipse(at.cx() - rad * 0.3, at.cy() - rad * 0.3, rad * 0.35, rad * 0.35,
                        new float[] {230, 200, 220}, 0.7 * strength);
            }
        }
    }

    /** Calls {@code op} for every pixel inside any of {@code regions} grown by {@code margin}. */
    private static void forEach(Raster r, List<Region> regions, double margin, PixelOp op) {
        for (int y = 0; y < r.height; y++) {
            for (int x = 0; x < r.width; x++) {
                for (Region g : regions) {
                    if (g.contains(x + 0.5, y + 0.5, margin)) {
                        op.apply(x, y);
                        break;
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface PixelOp {
        void apply(int x, int y);
    }
}
