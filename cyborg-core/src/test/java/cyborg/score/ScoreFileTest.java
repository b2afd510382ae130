package cyborg.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class ScoreFileTest {
    @TempDir
    Path dir;

    @Test
    void writesReferenceRowsAndReadsThemBack() throws IOException {
        Path f = dir.resolve("s.csv");
        ScoreFile.write(f, List.of(new Score("/img/test/a,b.png", 0.25), new Score("/img/test/c.png", 0.875)));
        assertEquals("/img/test/a,b.png,0.25\n/img/test/c.png,0.875\n", Files.readString(f));
        List<Score> back = ScoreFile.read(f);
        assertEquals("/img/test/a,b.png", back.get(0).key());
        assertEquals(0.875, back.get(1).score());
    }

    @Test
    void malformedRowNamesFileAndLine() throws IOException {
        Path f = Files.writeString(dir.resolve("s.csv"), "/a.png,0.5\nimagepath;score\n");
        IOException e = assertThrows(IOException.class, () -> ScoreFile.read(f));
        assertTrue(e.getMessage().contains("s.csv:2"), e.getMessage());
    }

    @Test
    void nonFiniteScoreIsNeverWrittenAndTheErrorNamesTheImage() {
        Path f = dir.resolve("s.csv");
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            IOException e = assertThrows(IOException.class, () -> ScoreFile.write(f,
                    List.of(new Score("/img/test/a.png", 0.25), new Score("/img/test/b.png", bad))));
            assertTrue(e.getMessage().startsWith("/img/test/b.png: the model gave a score of " + bad), e.getMessage());
            assertTrue(e.getMessage().contains("mean and std in model.json"), e.getMessage());
            assertFalse(Files.exists(f), "nothing written");
        }
    }

    @Test
    void nanScoreIsRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("s.csv"), "/a.png,NaN\n");
        assertThrows(IOException.class, () -> ScoreFile.read(f));
    }
}
