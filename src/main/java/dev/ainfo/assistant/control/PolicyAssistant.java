package dev.ainfo.assistant.control;

import dev.ainfo.assistant.entity.PreparedAnswer;
import dev.ainfo.knowledge.control.PolicyIndex;
import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.ainfo.rooms.entity.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The policy assistant: retrieves the records a question needs, then streams a grounded answer. */
@ApplicationScoped
public class PolicyAssistant {

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

    public PreparedAnswer prepare(String question, MemorySnapshot memory) {
        List<PolicyHit> hits = index.search(question, contextRecords);
        List<Source> sources = hits.stream().limit(citedRecords).map(PolicyHit::policy).map(PolicyAssistant::source).toList();
        return new PreparedAnswer(question, hits, sources,
                PromptAssembler.assemble(PolicyPrompt.SYSTEM, memory, PolicyPrompt.context(hits), question));
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
