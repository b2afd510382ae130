package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cyborg.model.Architecture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

class ModelNamesTest {
    @Test
    void folderNamesArePrefixedWithParentsOnlyWhereTheyClash() {
        List<ModelSource> sources = List.of(ModelSource.parse("/runs/cyborg/run-1", null),
                ModelSource.parse("/runs/focus/run-1", null), ModelSource.parse("/runs/solo", null),
                new ModelSource(null, Path.of("/w/densenet.pth"), Architecture.DENSENET121),
                ModelSource.parse("mine=/runs/x/model.safetensors", null));
        assertEquals(List.of("cyborg/run-1", "focus/run-1", "solo", "densenet", "mine"), ModelNames.assign(sources));
    }

    @Test
    void theSafetensorsFileIsNamedAfterItsFolder() {
        assertEquals(List.of("run-3"), ModelNames.assign(List.of(ModelSource.parse("/r/run-3/model.safetensors", null))));
    }

    @Test
    void twoEqualExplicitNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ModelNames.assign(List.of(
                ModelSource.parse("a=/x/m1", null), ModelSource.parse("a=/x/m2", null))));
    }
}
