package dev.ainfo.assistant.control;

import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders a prompt: the system prompt, the conversation summary as a system message, the recent
 * buffer, the retrieved policy records, then the question.
 */
public final class PromptAssembler {

    private PromptAssembler() {
    }

    public static List<ChatMessage> assemble(String systemPrompt, MemorySnapshot memory, String context, String question) {
        List<ChatMessage> prompt = new ArrayList<>();
        prompt.add(SystemMessage.from(systemPrompt));
        if (!memory.summary().isBlank()) {
            prompt.add(SystemMessage.from("Summary of the conversation so far:\n" + memory.summary()));
        }
        for (MemoryMessage line : memory.messages()) {
            prompt.add("bot".equals(line.role()) ? AiMessage.from(line.message()) : UserMessage.from(line.message()));
        }
        if (context != null && !context.isBlank()) {
            prompt.add(SystemMessage.from(context));
        }
        prompt.add(UserMessage.from(question));
        return prompt;
    }
}
