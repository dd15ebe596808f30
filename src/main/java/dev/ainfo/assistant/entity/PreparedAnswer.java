package dev.ainfo.assistant.entity;

import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.rooms.entity.Source;
import dev.langchain4j.data.message.ChatMessage;
import java.util.List;

/** Everything needed to generate one answer: the retrieved records, the sources to cite, the prompt. */
public record PreparedAnswer(String question, List<PolicyHit> hits, List<Source> sources, List<ChatMessage> prompt) {
}
