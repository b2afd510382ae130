package cyborg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The parser's complaints in a user's words: one line, where, and what (a cut-short file said so). */
class JsonTest {
    private static String problem(String text) {
        return Json.problem(assertThrows(JsonParseException.class, () -> JsonParser.parseString(text)));
    }

    /** A truncated COCO file was told as "java.io.EOFException: End of input at ...". */
    @Test
    void aTextThatEndsInsideAValueIsSaidToBeCutShort() {
        assertEquals("the text ends too early (the file is cut short?) at line 2 column 18 path $.annotations[0]",
                problem("{\"images\": [],\n \"annotations\": ["));
    }

    @Test
    void malformedTextKeepsTheParsersWordsWithoutItsHelpLink() {
        assertEquals("Expected value at line 1 column 13 path $.images[0]", problem("{\"images\": [}"));
    }

    /** Gson's advice to programmers ("use JsonReader.setStrictness(...)") is no help to a user. */
    @Test
    void textAfterTheValueIsMalformedJson() {
        assertEquals("malformed JSON at line 1 column 11 path $", problem("{\"a\": 1} x"));
    }
}
