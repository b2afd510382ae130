package cyborg.image.webp;

/**
 * A decoded VP8 frame before colour conversion: 8-bit luma and 4:2:0 chroma planes covering
 * whole macroblocks ({@code stride >= width}), of which the top-left {@code width x height}
 * (chroma: half, rounded up) is the picture.
 */
record YuvPlanes(int width, int height, byte[] y, int yStride, byte[] u, byte[] v, int uvStride) {
}
