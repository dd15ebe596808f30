package dev.ainfo.assistant.control;

import dev.ainfo.assistant.entity.Asker;
import dev.ainfo.assistant.entity.PreparedAnswer;
import dev.ainfo.knowledge.control.PolicyIndex;
import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.QuestionFacts;
import dev.ainfo.knowledge.entity.Retrieval;
import dev.ainfo.memory.control.TopicMemory;
import dev.ainfo.memory.entity.ConversationTopic;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.ainfo.platform.control.AppMetrics;
import dev.ainfo.rooms.entity.Source;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The policy assistant: resolves a follow-up against the conversation's topic ({@link FollowUps}),
 * retrieves the records for the asker (the question's facts, else the conversation's, else the
 * profile's), then streams an answer grounded in them. When nothing fits, the answer says the records
 * don't cover it and cites nothing.
 */
@ApplicationScoped
public class PolicyAssistant {

    @Inject
    PolicyIndex index;

    @Inject
    ChatModels models;

    @Inject
    OfflineAnswerer offline;

    @Inject
    TopicMemory topics;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ainfo.assistant.context-records", defaultValue = "5")
    int contextRecords;

    @Inject
    @ConfigProperty(name = "ainfo.assistant.cited-records", defaultValue = "3")
    int citedRecords;

    @Inject
    @ConfigProperty(name = "ainfo.assistant.rewrite-with-model", defaultValue = "true")
    boolean rewriteWithModel;

    private FollowUps followUps;

    @PostConstruct
    void init() {
        followUps = new FollowUps(index);
    }

    /**
     * Resolves the question against the conversation, then retrieves the records for it. Completes at
     * once unless a follow-up is rewritten by the model; that call streams like an answer, holds no
     * thread, and is handed to {@code attach} so that stopping the answer cancels it too. The
     * conversation's topic is stored as soon as it is known.
     */
    public CompletionStage<PreparedAnswer> prepare(Asker asker, String question, MemorySnapshot memory,
                                                   Consumer<AnswerHandle> attach) {
        ConversationTopic carried = memory.topic();
        QuestionFacts profile = ProfileFacts.of(asker.profile(), LocalDate.now(clock));
        ChatModels rewriter = rewriteWithModel ? models : null;
        return followUps.resolve(question, carried, memory, profile, rewriter, attach).thenApply(resolved -> {
            if (!resolved.next().equals(carried)) {
                topics.save(asker.userId(), asker.roomId(), resolved.next());
            }
            return prepared(question, resolved.query(), resolved.facts(), memory);
        });
    }

    /** Retrieval for a resolved question, and the prompt a model would get. */
    PreparedAnswer prepared(String question, String query, QuestionFacts facts, MemorySnapshot memory) {
        Retrieval retrieval = AppMetrics.retrieval(() -> index.retrieve(query, facts, contextRecords));
        boolean modelAnswers = models.streaming().isPresent();
        List<PolicyHit> grounded = retrieval.grounded();
        // Offline, the composed answer shows exactly the cited records; a model sees a few more.
        int cited = Math.min(citedRecords, OfflineComposer.SHOWN);
        List<PolicyHit> hits = modelAnswers ? grounded : grounded.stream().limit(cited).toList();
        List<Source> sources = grounded.stream().limit(cited).map(PolicyHit::policy).map(PolicyAssistant::source).toList();
        LocalDate today = LocalDate.now(clock);
        return new PreparedAnswer(question, hits, sources, retrieval.facts(), today,
                PromptAssembler.assemble(PolicyPrompt.SYSTEM, memory, PolicyPrompt.context(hits, retrieval.facts(), today),
                        question));
    }

    public AnswerHandle stream(PreparedAnswer prepared, AnswerListener listener) {
        return models.streaming().isPresent()
                ? models.stream(prepared.prompt(), listener)
                : offline.stream(prepared, listener);
    }

    static Source source(Policy policy) {
        return new Source(policy.id(), policy.title(), policy.institution(), policy.url());
    }
}
