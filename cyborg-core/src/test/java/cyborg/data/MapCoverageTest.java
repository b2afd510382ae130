package cyborg.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

class MapCoverageTest {
    private static final Path MAPS = Path.of("data", "maps");

    @Test
    void noUsableMapIsRefusedNamingTheFolderAndHowMapsAreMatched() {
        IOException e = assertThrows(IOException.class,
                () -> new MapCoverage(MAPS, 16, 16, 0).requireSome("the loss ce:0.5,cyborg:0.5"));
        assertTrue(e.getMessage().startsWith(MAPS + ": none of the 16 training images has a usable human map, but"
                + " the loss ce:0.5,cyborg:0.5 needs them; a map is matched to its image by the image's path under the"
                + " data root"), e.getMessage());
    }

    @Test
    void onlyConstantMapsAreRefusedSayingSo() {
        IOException e = assertThrows(IOException.class, () -> new MapCoverage(MAPS, 4, 1, 3).requireSome("the loss x"));
        assertTrue(e.getMessage().contains("(3 of them have a constant map, which marks nothing"), e.getMessage());
    }

    @Test
    void oneUsableMapIsEnough() {
        assertDoesNotThrow(() -> new MapCoverage(MAPS, 16, 15, 0).requireSome("the loss x"));
    }

    @Test
    void partialCoverageCountsTheImagesWithoutAndWithConstantMaps() {
        MapCoverage c = new MapCoverage(MAPS, 800, 57, 3);
        assertEquals(740, c.usable());
        assertEquals("human maps (" + MAPS + "): 740 of 800 training images; the other 60 train with ce only (3 of"
                + " them have a constant map, which marks nothing: min-max normalisation would make it an all-zero"
                + " target)", c.summary("train with ce only"));
        assertEquals("human maps (" + MAPS + "): 8 of 8 training images", new MapCoverage(MAPS, 8, 0, 0).summary("x"));
    }
}
