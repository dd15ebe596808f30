package dev.ainfo.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MalformedBodiesTest {

    static boolean wellFormed(String body, boolean list) {
        return MalformedBodies.wellFormed(body.getBytes(StandardCharsets.UTF_8), list);
    }

    @Test
    void onlyOneCompleteJsonValueOfTheExpectedKindPasses() {
        for (String good : List.of("{}", " {\"title\":\"x\"} \n", "{\"title\":{}}")) {
            assertTrue(wellFormed(good, false), good);
        }
        for (String bad : List.of("{\"title\":\"x\"", "[]", "[{\"title\":\"x\"}]", "{\"title\":\"x\"}}", "{} {}",
                "not json", "{\"title\":\"x\",}", "\"x\"x")) {
            assertFalse(wellFormed(bad, false), bad);
        }
        assertTrue(wellFormed("[1, 2]", true));
    }
}
