/**
 * Lossy WebP decoding that reproduces libwebp's output (and so PIL's) bit for bit: a VP8
 * key-frame decoder and libwebp's chroma upsampling and colour conversion, written from RFC 6386
 * and libwebp's documented algorithm. Entry point: {@link cyborg.image.webp.LossyWebp}.
 */
package cyborg.image.webp;
