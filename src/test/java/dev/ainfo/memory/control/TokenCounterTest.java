package dev.ainfo.memory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ainfo.memory.entity.MemoryMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCounterTest {

    @Test
    void theEncodingFollowsTheModel() {
        assertEquals("o200k_base", TokenCounter.forModel("gpt-4o-mini").encodingName());
        assertEquals("cl100k_base", TokenCounter.forModel("gpt-4").encodingName());
        assertEquals("cl100k_base", TokenCounter.forModel("gpt-3.5-turbo").encodingName());
        assertEquals("o200k_base", TokenCounter.forModel("offline").encodingName(), "unknown models use o200k_base");
        assertEquals("cl100k_base", TokenCounter.forEncoding("cl100k_base").encodingName());
        assertThrows(IllegalArgumentException.class, () -> TokenCounter.forEncoding("nonsense"));
    }

    @Test
    void countsAreTheTokenizersNotCharactersOverFour() {
        TokenCounter tokens = TokenCounter.forModel("gpt-4o-mini");
        assertEquals(2, tokens.count("hello world"));
        assertEquals(0, tokens.count(""));
        assertEquals(tokens.count("hello world") + tokens.count("청년 월세 지원"),
                tokens.count(List.of(new MemoryMessage("user", "hello world"), new MemoryMessage("bot", "청년 월세 지원"))));
        // Special tokens typed by a user are counted as text, not refused.
        assertEquals(tokens.count("<|endoftext|>"), TokenCounter.forModel("gpt-4o-mini").count("<|endoftext|>"));
    }
}
