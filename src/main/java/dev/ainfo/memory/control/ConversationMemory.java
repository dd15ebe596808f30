package dev.ainfo.memory.control;

import dev.ainfo.memory.entity.MemorySettings;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.ainfo.platform.control.RedisConnection;
import dev.ainfo.rooms.control.RoomCreated;
import dev.ainfo.rooms.control.RoomDeleted;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Summary-plus-buffer memory per (user, room), kept in Redis: the container's face of
 * {@link MemoryStore}, configured from {@code ainfo.memory.*}.
 */
@ApplicationScoped
public class ConversationMemory {

    private static final Logger LOG = Logger.getLogger(ConversationMemory.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    SummaryModel models;

    @Inject
    ChatLogHistory history;

    @Inject
    TopicMemory topics;

    @Inject
    @ConfigProperty(name = "ainfo.memory.max-token-limit", defaultValue = "200")
    int maxTokenLimit;

    @Inject
    @ConfigProperty(name = "ainfo.memory.max-summary-tokens", defaultValue = "400")
    int maxSummaryTokens;

    @Inject
    @ConfigProperty(name = "ainfo.memory.ttl", defaultValue = "P30D")
    Duration ttl;

    @Inject
    @ConfigProperty(name = "ainfo.memory.rebuild-messages", defaultValue = "20")
    int rebuildMessages;

    @Inject
    @ConfigProperty(name = "ainfo.memory.retry-after", defaultValue = "PT10S")
    Duration retryAfter;

    @Inject
    @ConfigProperty(name = "ainfo.memory.token-encoding")
    Optional<String> tokenEncoding;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private MemoryStore store;
    private ScheduledFuture<?> retry;

    @PostConstruct
    void init() {
        TokenCounter tokens = tokenEncoding.filter(e -> !e.isBlank())
                .map(TokenCounter::forEncoding)
                .orElseGet(() -> TokenCounter.forModel(models.modelName()));
        Summarizer extractive = new ExtractiveSummarizer(tokens, maxSummaryTokens);
        Summarizer summarizer = models.blocking().<Summarizer>map(model -> new ModelSummarizer(model, extractive))
                .orElse(extractive);
        store = new MemoryStore(redis.client(), tokens, summarizer, history,
                new MemorySettings(maxTokenLimit, maxSummaryTokens, ttl, rebuildMessages, retryAfter));
        LOG.info(() -> "conversation memory: summary buffer of " + maxTokenLimit + " " + tokens.encodingName()
                + " tokens, " + (summarizer instanceof ModelSummarizer ? "model" : "extractive") + " summaries, idle TTL " + ttl);
        long period = Math.max(100, retryAfter.toMillis());
        retry = scheduler.scheduleWithFixedDelay(this::storeParked, period, period, TimeUnit.MILLISECONDS);
    }

    /** Turns parked during an outage reach Redis when it returns, even if their rooms ask nothing more. */
    private void storeParked() {
        try {
            store.storeParked();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not store the turns parked during a Redis outage; retrying later", e);
        }
    }

    @PreDestroy
    void stop() {
        if (retry != null) {
            retry.cancel(false);
        }
    }

    /** Called on the answer's worker thread, before retrieval: the memory and the topic, in one round trip. */
    public MemorySnapshot load(String userId, long roomId) {
        return topics.withLocalTopic(userId, roomId, store.load(userId, roomId));
    }

    /**
     * Called before the done frame: the next question, on any instance, sees this turn even before it
     * is remembered. False if it could not wait in Redis; then the update brings the turn itself.
     */
    public boolean note(String userId, long roomId, long answerId, String question, String answer) {
        return store.note(userId, roomId, answerId, question, answer);
    }

    /**
     * Called after the done frame with the stored answer's id, which makes a retry harmless; {@code noted}
     * says the turn waits in Redis, so a reset since then keeps it out.
     */
    public void remember(String userId, long roomId, long answerId, String question, String answer, boolean noted) {
        store.remember(userId, roomId, answerId, question, answer, noted);
    }

    /** Resets the memory and keeps the log; throws {@link MemoryUnavailable} when Redis is down. */
    public void forget(String userId, long roomId) {
        store.forget(userId, roomId);
        topics.forget(userId, roomId);
    }

    void roomCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomCreated created) {
        store.begin(created.ownerId(), created.roomId());
    }

    void roomDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomDeleted deleted) {
        store.delete(deleted.ownerId(), deleted.roomId());
    }

    public boolean reachable() {
        return store.reachable();
    }
}
