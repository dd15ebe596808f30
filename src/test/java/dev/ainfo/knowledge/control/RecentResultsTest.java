package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentResultsTest {

    @Test
    void aTextAskedForAgainIsNotComputedAgainUntilNewerOnesPushItOut() {
        List<String> computed = new ArrayList<>();
        RecentResults<Integer> lengths = new RecentResults<>(2, text -> {
            computed.add(text);
            return text.length();
        });
        assertEquals(2, lengths.of("ab"));
        assertEquals(2, lengths.of("ab"));
        lengths.of("c");
        lengths.of("ab");
        lengths.of("def");
        lengths.of("c");
        assertEquals(List.of("ab", "c", "def", "c"), computed);
    }
}
