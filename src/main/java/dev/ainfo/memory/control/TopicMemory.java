package dev.ainfo.memory.control;

import dev.ainfo.memory.entity.ConversationTopic;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.ainfo.platform.control.RedisConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.client.RedisException;

/**
 * A conversation's topic, region, age and status, as the field {@code topic} of its memory hash
 * ({@link MemoryHash}): summarising the buffer never touches it, so a follow-up keeps its topic after
 * any answer length. It is read with the memory ({@link MemorySnapshot#topic()}). While Redis is
 * unreachable, this instance keeps the last few itself.
 */
@ApplicationScoped
public class TopicMemory {

    private static final int LOCAL_LIMIT = 10_000;

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "ainfo.memory.ttl", defaultValue = "P30D")
    Duration ttl;

    @Inject
    @ConfigProperty(name = "ainfo.memory.retry-after", defaultValue = "PT10S")
    Duration retryAfter;

    /** After a failure, questions skip Redis for a while rather than wait for its timeout each. */
    private RedisAvailability availability;
    private MemoryHash hash;

    /** Written here when Redis failed, read when it fails again: a follow-up still finds its topic. */
    private final ConcurrentMap<String, ConversationTopic> local = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        availability = new RedisAvailability(retryAfter);
        hash = new MemoryHash(redis.client(), ttl);
    }

    /** The snapshot, with the topic this instance kept if Redis gave none. */
    MemorySnapshot withLocalTopic(String userId, long roomId, MemorySnapshot memory) {
        if (!memory.topic().none() || local.isEmpty()) {
            return memory;
        }
        ConversationTopic kept = local.get(MemoryStore.key(userId, roomId));
        return kept == null ? memory : memory.withTopic(kept);
    }

    /** Stores the topic without waiting for Redis; the next question comes after the answer streams. */
    public void save(String userId, long roomId, ConversationTopic topic) {
        String key = MemoryStore.key(userId, roomId);
        if (!availability.worthTrying()) {
            keepLocally(key, topic);
            return;
        }
        try {
            hash.writeTopic(key, topic).whenComplete((done, failure) -> {
                if (failure == null) {
                    availability.succeeded();
                    local.remove(key);
                } else {
                    availability.failed("topic save", failure);
                    keepLocally(key, topic);
                }
            });
        } catch (RedisException e) {
            availability.failed("topic save", e);
            keepLocally(key, topic);
        }
    }

    /** The hash's own topic goes with the memory's reset; this drops the local copy. */
    void forget(String userId, long roomId) {
        local.remove(MemoryStore.key(userId, roomId));
    }

    private void keepLocally(String key, ConversationTopic topic) {
        if (local.size() < LOCAL_LIMIT || local.containsKey(key)) {
            local.put(key, topic);
        }
    }
}
