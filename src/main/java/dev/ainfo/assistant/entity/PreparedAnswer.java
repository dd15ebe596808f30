package dev.ainfo.assistant.entity;

import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.QuestionFacts;
import dev.ainfo.rooms.entity.Source;
import dev.langchain4j.data.message.ChatMessage;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything needed to generate one answer: the retrieved records, the sources to cite, whom they were
 * matched for ({@code facts}: the question's, the conversation's or the profile's), the day they were
 * judged open or closed on, and the prompt.
 */
public record PreparedAnswer(String question, List<PolicyHit> hits, List<Source> sources, QuestionFacts facts,
                             LocalDate today, List<ChatMessage> prompt) {
}
