package cyborg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class V2PathTest {
    @Test
    void readsNameVersionAndActionFromTheEnd() {
        assertEquals(new V2Path("alpha", null, V2Path.Action.METADATA), V2Path.parse("alpha"));
        assertEquals(new V2Path("alpha", null, V2Path.Action.READY), V2Path.parse("alpha/ready"));
        assertEquals(new V2Path("alpha", "2", V2Path.Action.INFER), V2Path.parse("alpha/versions/2/infer"));
        assertEquals(new V2Path("alpha", "2", V2Path.Action.METADATA), V2Path.parse("alpha/versions/2/"));
    }

    @Test
    void namesMayHoldSlashesAsModelNamesMakesThem() {
        assertEquals(new V2Path("cyborg/run-1", null, V2Path.Action.INFER), V2Path.parse("cyborg/run-1/infer"));
        assertEquals(new V2Path("cyborg/run-1", "3", V2Path.Action.READY), V2Path.parse("cyborg/run-1/versions/3/ready"));
    }

    @Test
    void aModelCalledReadyOrInferIsAModelNotAnAction() {
        assertEquals(new V2Path("ready", null, V2Path.Action.METADATA), V2Path.parse("ready"));
        assertEquals(new V2Path("infer", null, V2Path.Action.READY), V2Path.parse("infer/ready"));
    }

    @Test
    void aPathWithoutAModelIsNotFound() {
        ApiError e = assertThrows(ApiError.class, () -> V2Path.parse("/infer"));
        assertEquals(ErrorKind.NOT_FOUND, e.kind);
    }
}
