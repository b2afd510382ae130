package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void versionsLetOneNameStandForSeveralModels() {
        assertEquals(List.of("a", "a", "b"), ModelNames.assign(List.of(ModelSource.parse("a:1=/x/m1", null),
                ModelSource.parse("a:2=/x/m2", null), ModelSource.parse("b=/x/m3", null))));
        assertEquals("2", ModelSource.parse("a:2=/x/m2", null).version());
    }

    @Test
    void aNameWithAndWithoutAVersionOrTheSameVersionTwiceIsRefused() {
        String mixed = assertThrows(IllegalArgumentException.class, () -> ModelNames.assign(List.of(
                ModelSource.parse("a:1=/x/m1", null), ModelSource.parse("a=/x/m2", null)))).getMessage();
        assertTrue(mixed.contains("with and without a version"), mixed);
        String twice = assertThrows(IllegalArgumentException.class, () -> ModelNames.assign(List.of(
                ModelSource.parse("a:1=/x/m1", null), ModelSource.parse("a:1=/x/m2", null)))).getMessage();
        assertTrue(twice.contains("'a:1'"), twice);
        assertThrows(IllegalArgumentException.class, () -> ModelSource.parse(":1=/x/m1", null));
        assertThrows(IllegalArgumentException.class, () -> ModelSource.parse("a:1/2=/x/m1", null));
    }

    @Test
    void theHighestVersionIsTheDefaultNumbersByValue() {
        assertTrue(ModelRegistry.compareVersions("10", "9") > 0);
        assertTrue(ModelRegistry.compareVersions("b", "a") > 0);
        assertTrue(ModelRegistry.compareVersions("2", "a") < 0, "numbers before other text");
    }

    @Test
    void aNameTheProtocolsPathsCannotReachIsRefused() {
        List<List<ModelSource>> refused = List.of(List.of(ModelSource.parse("x/ready=/m", null)),
                List.of(ModelSource.parse("x/infer=/m", null)), List.of(ModelSource.parse("a/versions/2=/m", null)),
                // two folders called ready: prefixed to tell them apart, they end in /ready
                List.of(ModelSource.parse("/a/ready", null), ModelSource.parse("/b/ready", null)));
        for (List<ModelSource> sources : refused) {
            String message = assertThrows(IllegalArgumentException.class, () -> ModelNames.assign(sources),
                    sources.toString()).getMessage();
            assertTrue(message.contains("--model NAME=PATH"), message);
        }
        assertEquals(List.of("ready"), ModelNames.assign(List.of(ModelSource.parse("/runs/ready", null))),
                "a model called ready alone is reachable: /v2/models/ready");
    }
}
