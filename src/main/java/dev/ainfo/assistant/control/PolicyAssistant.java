package dev.ainfo.assistant.control;

import dev.ainfo.assistant.entity.PreparedAnswer;
import dev.ainfo.knowledge.control.PolicyIndex;
import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.Retrieval;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.ainfo.platform.control.AppMetrics;
import dev.ainfo.rooms.entity.Source;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
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
    static final int REWRITE_MAX_TOKENS = 100;

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

    /**
     * Makes the question stand alone, then retrieves the records for it. Completes at once unless a
     * follow-up is rewritten by the model; that call streams like an answer, holds no thread, and is
     * handed to {@code attach} so that stopping the answer cancels it too.
     */
    public CompletionStage<PreparedAnswer> prepare(String question, MemorySnapshot memory, Consumer<AnswerHandle> attach) {
        return standalone(question, memory, attach).thenApply(query -> prepared(question, query, memory));
    }

    PreparedAnswer prepared(String question, String query, MemorySnapshot memory) {
        Retrieval retrieval = AppMetrics.retrieval(() -> index.retrieve(query, contextRecords));
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
     * The question as a standalone query. A follow-up is rewritten by the model when one is configured;
     * any other question, or a follow-up whose rewrite failed, carries the previous turn forward.
     * Only follow-ups pay for a model call before their first token.
     */
    CompletionStage<String> standalone(String question, MemorySnapshot memory, Consumer<AnswerHandle> attach) {
        if (memory.messages().isEmpty() && memory.summary().isBlank()) {
            return CompletableFuture.completedFuture(question);
        }
        boolean followUp = index.isFollowUp(question);
        if (!followUp || !rewriteWithModel || models.streaming().isEmpty()) {
            return CompletableFuture.completedFuture(index.standalone(question, memory, followUp));
        }
        QueryRewrite rewrite = new QueryRewrite();
        attach.accept(models.stream(List.of(SystemMessage.from(REWRITE), UserMessage.from(conversation(memory, question))),
                REWRITE_MAX_TOKENS, rewrite));
        return rewrite.query().handle((rewritten, failure) -> {
            if (failure == null && !rewritten.isBlank() && rewritten.length() < 500) {
                return rewritten.strip();
            }
            LOG.log(Level.WARNING, "query rewrite by the model failed; carrying the previous turn forward: {0}",
                    failure == null ? "unusable reply" : failure.toString());
            return index.standalone(question, memory, true);
        });
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
