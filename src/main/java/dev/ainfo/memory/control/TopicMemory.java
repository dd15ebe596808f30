package dev.ainfo.memory.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ainfo.memory.entity.ConversationTopic;
import dev.ainfo.platform.control.RedisConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RMap;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * A conversation's topic, region, age and status, as the field {@code topic} of its memory hash
 * ({@link MemoryStore#key}): summarising the buffer never touches it, so a follow-up keeps its topic
 * after any answer length. While Redis is unreachable, this instance keeps the last few itself.
 */
@ApplicationScoped
public class TopicMemory {

    private static final Logger LOG = Logger.getLogger(TopicMemory.class.getName());
    static final String FIELD = "topic";
    /** Unknown fields are skipped, so an instance of an older version reads a newer topic. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
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

    @PostConstruct
    void init() {
        availability = new RedisAvailability(retryAfter);
    }

    /** Written here when Redis failed, read when it fails again: a follow-up still finds its topic. */
    private final ConcurrentMap<String, ConversationTopic> local = new ConcurrentHashMap<>();

    public ConversationTopic load(String userId, long roomId) {
        String key = MemoryStore.key(userId, roomId);
        if (!availability.worthTrying()) {
            return local.getOrDefault(key, ConversationTopic.NONE);
        }
        try {
            String json = map(key).get(FIELD);
            availability.succeeded();
            return json == null ? local.getOrDefault(key, ConversationTopic.NONE) : JSON.readValue(json, ConversationTopic.class);
        } catch (RedisException e) {
            availability.failed("topic load", e);
            return local.getOrDefault(key, ConversationTopic.NONE);
        } catch (JsonProcessingException e) {
            LOG.log(Level.WARNING, "unreadable topic in " + key + "; starting afresh", e);
            return ConversationTopic.NONE;
        }
    }

    /** Stores the topic without waiting for Redis; the next question comes after the answer streams. */
    public void save(String userId, long roomId, ConversationTopic topic) {
        String key = MemoryStore.key(userId, roomId);
        if (!availability.worthTrying()) {
            keepLocally(key, topic);
            return;
        }
        try {
            RMap<String, String> map = map(key);
            map.fastPutAsync(FIELD, JSON.writeValueAsString(topic)).whenComplete((done, failure) -> {
                if (failure == null) {
                    local.remove(key);
                    map.expireAsync(ttl);
                } else {
                    keepLocally(key, topic);
                }
            });
        } catch (JsonProcessingException | RedisException e) {
            keepLocally(key, topic);
        }
    }

    public void forget(String userId, long roomId) {
        String key = MemoryStore.key(userId, roomId);
        local.remove(key);
        try {
            map(key).fastRemove(FIELD);
        } catch (RedisException e) {
            LOG.log(Level.FINE, "topic of " + key + " not removed: Redis is unreachable", e);
        }
    }

    private void keepLocally(String key, ConversationTopic topic) {
        if (local.size() < LOCAL_LIMIT || local.containsKey(key)) {
            local.put(key, topic);
        }
    }

    private RMap<String, String> map(String key) {
        return redis.client().getMap(key, StringCodec.INSTANCE);
    }
}
