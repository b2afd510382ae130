package cyborg.image;

/**
 * Width and height of an image file as read from its header by {@link ImageFiles#readSize},
 * for cheap checks of a data set without decoding pixels.
 */
public record ImageSize(int width, int height) {
    @Override
    public String toString() {
        return width + "x" + height;
    }
}
