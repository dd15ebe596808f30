package dev.ainfo.assistant.control;

import dev.ainfo.assistant.entity.PreparedAnswer;
import dev.ainfo.knowledge.control.PolicyIndex;
import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.Retrieval;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.ainfo.rooms.entity.Source;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The policy assistant: makes a follow-up stand alone, retrieves the records it needs, then streams
 * an answer grounded in them. When the best record covers too little of the question, the answer
 * says the records don't cover it and cites nothing.
 */
@ApplicationScoped
public class PolicyAssistant {

    private static final Logger LOG = Logger.getLogger(PolicyAssistant.class.getName());

    static final String REWRITE = """
            Rewrite the user's latest message as one standalone search query for a database of Korean youth \
            policies. Keep the user's language. Carry over from the conversation the policy names, region, age \
            and need it refers to. Reply with the query only, no quotes, no explanation.""";
    static final int REWRITE_MESSAGES = 6;

    @Inject
    PolicyIndex index;

    @Inject
    ChatModels models;

    @Inject
    OfflineAnswerer offline;

    @Inject
    @ConfigProperty(name = "ainfo.assistant.context-records", defaultValue = "5")
    int contextRecords;

    @Inject
    @ConfigProperty(name = "ainfo.assistant.cited-records", defaultValue = "3")
    int citedRecords;

    @Inject
    @ConfigProperty(name = "ainfo.assistant.rewrite-with-model", defaultValue = "true")
    boolean rewriteWithModel;

    public PreparedAnswer prepare(String question, MemorySnapshot memory) {
        String query = standalone(question, memory);
        Retrieval retrieval = index.retrieve(query, contextRecords);
        boolean modelAnswers = models.streaming().isPresent();
        List<PolicyHit> grounded = retrieval.grounded();
        // Offline, the composed answer shows exactly the cited records; a model sees a few more.
        int cited = Math.min(citedRecords, OfflineComposer.SHOWN);
        List<PolicyHit> hits = modelAnswers ? grounded : grounded.stream().limit(cited).toList();
        List<Source> sources = grounded.stream().limit(cited).map(PolicyHit::policy).map(PolicyAssistant::source).toList();
        return new PreparedAnswer(question, hits, sources,
                PromptAssembler.assemble(PolicyPrompt.SYSTEM, memory, PolicyPrompt.context(hits, retrieval.facts()), question));
    }

    public AnswerHandle stream(PreparedAnswer prepared, AnswerListener listener) {
        return models.streaming().isPresent()
                ? models.stream(prepared.prompt(), listener)
                : offline.stream(prepared, listener);
    }

    /**
     * The question as a standalone query: rewritten by the model when one is configured and there is a
     * conversation to draw on, otherwise (or if the model fails) by carrying the previous turn forward.
     */
    String standalone(String question, MemorySnapshot memory) {
        if (memory.messages().isEmpty() && memory.summary().isBlank()) {
            return question;
        }
        Optional<ChatModel> model = rewriteWithModel ? models.blocking() : Optional.empty();
        if (model.isPresent()) {
            try {
                String rewritten = model.get().chat(List.of(SystemMessage.from(REWRITE),
                        UserMessage.from(conversation(memory, question)))).aiMessage().text();
                if (rewritten != null && !rewritten.isBlank() && rewritten.length() < 500) {
                    return rewritten.strip();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "query rewrite by the model failed; carrying the previous turn forward", e);
            }
        }
        return index.standalone(question, memory);
    }

    static String conversation(MemorySnapshot memory, String question) {
        StringBuilder text = new StringBuilder();
        if (!memory.summary().isBlank()) {
            text.append("Summary so far: ").append(memory.summary()).append("\n\n");
        }
        List<MemoryMessage> recent = memory.messages();
        for (MemoryMessage m : recent.subList(Math.max(0, recent.size() - REWRITE_MESSAGES), recent.size())) {
            String line = m.message().length() > 400 ? m.message().substring(0, 400) + "…" : m.message();
            text.append("bot".equals(m.role()) ? "Assistant: " : "User: ").append(line).append('\n');
        }
        return text.append("\nLatest user message: ").append(question).toString();
    }

    static Source source(Policy policy) {
        return new Source(policy.id(), policy.title(), policy.institution(), policy.url());
    }
}
