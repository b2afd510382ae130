package cyborg.image.webp;

/**
 * Modes and dequantised coefficients of one macroblock, parsed before it is reconstructed:
 * 16 luma blocks, then 4 U and 4 V blocks, 16 coefficients each, in raster order.
 */
final class Vp8Macroblock {
    int segment;
    boolean skip;
    boolean i4x4;
    final int[] imodes = new int[16];
    int uvMode;
    final int[] coeffs = new int[384];
    boolean nonZero; // any non-zero coefficient: decides inner-edge filtering
}
