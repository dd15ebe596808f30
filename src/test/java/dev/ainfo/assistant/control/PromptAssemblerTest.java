package dev.ainfo.assistant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptAssemblerTest {

    @Test
    void systemPromptThenSummaryThenBufferThenContextThenQuestion() {
        MemorySnapshot memory = new MemorySnapshot("- asked about the youth rent allowance",
                List.of(new MemoryMessage("user", "How much is it?"), new MemoryMessage("bot", "Up to 200,000 won.")));

        List<ChatMessage> prompt = PromptAssembler.assemble("You answer policy questions.", memory,
                "[P1] Youth rent allowance: 12 months.", "For how long?");

        assertEquals(6, prompt.size());
        assertEquals("You answer policy questions.", ((SystemMessage) prompt.get(0)).text());
        assertTrue(((SystemMessage) prompt.get(1)).text().endsWith("- asked about the youth rent allowance"));
        assertEquals("How much is it?", ((UserMessage) prompt.get(2)).singleText());
        assertEquals("Up to 200,000 won.", ((AiMessage) prompt.get(3)).text());
        assertEquals("[P1] Youth rent allowance: 12 months.", ((SystemMessage) prompt.get(4)).text());
        assertEquals("For how long?", ((UserMessage) prompt.get(5)).singleText());
    }

    @Test
    void anEmptyMemoryAddsNothingBetweenSystemPromptAndContext() {
        List<ChatMessage> prompt = PromptAssembler.assemble("system", MemorySnapshot.EMPTY, "context", "question");

        assertEquals(List.of(SystemMessage.from("system"), SystemMessage.from("context"), UserMessage.from("question")), prompt);
    }
}
