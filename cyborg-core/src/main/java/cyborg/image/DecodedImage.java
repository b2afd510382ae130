package cyborg.image;

/**
 * An image file decoded by {@link ImageFiles#decode}: its pixels as PIL's {@code convert('RGB')}
 * gives them, and how many bits each sample had in the file, for readers that must refuse deep
 * images rather than reproduce PIL's clipping of them (saliency maps).
 */
public record DecodedImage(RgbImage rgb, int sampleBits) {
}
