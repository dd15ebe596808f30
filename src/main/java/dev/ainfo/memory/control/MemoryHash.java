package dev.ainfo.memory.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ainfo.memory.entity.ConversationTopic;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.StoredMemory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * One conversation's Redis hash and the only code that writes it: readable string fields
 * {@code summary}, {@code messages} (JSON array of {role, message}), {@code counts} (each message's
 * tokens), {@code tokens} (their sum), {@code answers} (ids already remembered), {@code version}
 * (bumped by every write) and {@code pending:<answerId>} (turns waiting for an update).
 *
 * <p>Every write is one script: it checks the version the writer read, so two writers (two tabs, two
 * instances) never overwrite each other's turns, without a lock's extra round trips.
 */
final class MemoryHash {

    private static final Logger LOG = Logger.getLogger(MemoryHash.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<MemoryMessage>> MESSAGES = new TypeReference<>() {
    };
    /** Unknown fields are skipped, so an instance of an older version reads a newer topic. */
    private static final ObjectMapper TOPICS = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<Long>> IDS = new TypeReference<>() {
    };
    private static final TypeReference<List<Integer>> INTS = new TypeReference<>() {
    };

    static final String SUMMARY = "summary";
    static final String MESSAGES_FIELD = "messages";
    static final String TOKENS = "tokens";
    static final String COUNTS = "counts";
    static final String ANSWERS = "answers";
    static final String VERSION = "version";
    static final String TOPIC = "topic";
    /** Prefix of the fields holding turns that wait for an update: {@code pending:<answerId>}. */
    static final String PENDING = "pending:";
    /** Any version: the write replaces what is there (a new room, a reset). */
    static final String ANY = "*";

    /** Adds a pending turn only to a hash that exists: a deleted room's must not come back. */
    /** The fields as a flat list; reading a conversation's memory counts as using it (ARGV[1]: TTL in ms). */
    private static final String READ = "local fields = redis.call('hgetall', KEYS[1]) "
            + "if #fields > 0 then redis.call('pexpire', KEYS[1], ARGV[1]) end return fields";
    /** The topic, with the key's idle time: a question may come before any memory was written. */
    private static final String WRITE_TOPIC = "redis.call('hset', KEYS[1], 'topic', ARGV[1]) "
            + "redis.call('pexpire', KEYS[1], ARGV[2]) return 1";
    private static final String NOTE = "if redis.call('exists', KEYS[1]) == 1 then "
            + "redis.call('hset', KEYS[1], ARGV[1], ARGV[2]) return 1 end return 0";
    /**
     * ARGV: the version read ('' for none, '*' for any), reset ('1' drops every other field), the TTL in
     * ms, how many folded pending fields follow, those fields, then field/value pairs.
     */
    private static final String WRITE = """
            local version = redis.call('hget', KEYS[1], 'version')
            if ARGV[1] ~= '*' and (version or '') ~= ARGV[1] then return 0 end
            if ARGV[2] == '1' then redis.call('del', KEYS[1]) end
            local folded = tonumber(ARGV[4])
            for i = 5, 4 + folded do redis.call('hdel', KEYS[1], ARGV[i]) end
            for i = 5 + folded, #ARGV, 2 do redis.call('hset', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('hset', KEYS[1], 'version', (tonumber(version) or 0) + 1)
            redis.call('pexpire', KEYS[1], ARGV[3])
            return 1
            """;

    private final RedissonClient redis;
    private final Duration ttl;

    MemoryHash(RedissonClient redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    /** Adds a pending turn to an existing hash; false if there is none. */
    boolean note(String key, Turn turn) {
        Long added = script().eval(key, RScript.Mode.READ_WRITE, NOTE, RScript.ReturnType.INTEGER,
                List.of(key), PENDING + turn.answerId(), json(turn));
        return added != null && added == 1;
    }

    /**
     * Writes the memory whole and drops the pending turns it now holds, if the hash is still at
     * {@code readVersion}; false if another writer came first. With {@code reset}, every other field goes.
     */
    boolean write(String key, String readVersion, StoredMemory memory, List<String> folded, boolean reset) {
        List<Object> args = new ArrayList<>();
        args.add(readVersion == null ? "" : readVersion);
        args.add(reset ? "1" : "0");
        args.add(String.valueOf(ttl.toMillis()));
        args.add(String.valueOf(folded.size()));
        args.addAll(folded);
        args.addAll(List.of(SUMMARY, memory.summary(), MESSAGES_FIELD, json(memory.messages()), COUNTS,
                json(memory.counts()), TOKENS, String.valueOf(memory.tokens()), ANSWERS, json(memory.answers())));
        Long written = script().eval(key, RScript.Mode.READ_WRITE, WRITE, RScript.ReturnType.INTEGER,
                List.of(key), args.toArray());
        return written != null && written == 1;
    }

    /** Every field of the hash (none if it does not exist), refreshing its idle time. */
    Map<String, String> read(String key) {
        List<Object> flat = script().eval(key, RScript.Mode.READ_WRITE, READ, RScript.ReturnType.MULTI,
                List.of(key), String.valueOf(ttl.toMillis()));
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; flat != null && i + 1 < flat.size(); i += 2) {
            fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return fields;
    }

    /** Stores the topic without waiting for the reply. */
    CompletionStage<Object> writeTopic(String key, ConversationTopic topic) {
        return script().evalAsync(key, RScript.Mode.READ_WRITE, WRITE_TOPIC, RScript.ReturnType.INTEGER,
                List.of(key), json(topic), String.valueOf(ttl.toMillis()));
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }

    /** The hash's pending turns, oldest first. */
    static List<Turn> pending(Map<String, String> fields) {
        List<Turn> turns = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (field.startsWith(PENDING)) {
                try {
                    turns.add(JSON.readValue(value, Turn.class));
                } catch (JsonProcessingException e) {
                    LOG.warning(() -> "unreadable pending turn " + field + "; the log keeps it");
                }
            }
        });
        turns.sort(Comparator.comparingLong(Turn::answerId));
        return turns;
    }

    /** Reads the hash; a buffer written without its counts (an older version) is counted here. */
    static StoredMemory decode(Map<String, String> fields, TokenCounter tokens) {
        try {
            String messagesJson = fields.get(MESSAGES_FIELD);
            String answers = fields.get(ANSWERS);
            String countsJson = fields.get(COUNTS);
            List<MemoryMessage> messages = messagesJson == null ? List.of() : JSON.readValue(messagesJson, MESSAGES);
            List<Integer> counts = countsJson == null ? List.of() : JSON.readValue(countsJson, INTS);
            if (counts.size() != messages.size()) {
                counts = tokens.counts(messages);
            }
            return new StoredMemory(fields.get(SUMMARY), messages, counts,
                    answers == null ? List.of() : JSON.readValue(answers, IDS));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.log(Level.WARNING, "unreadable memory hash; starting it afresh", e);
            return StoredMemory.EMPTY;
        }
    }

    /** The hash's topic; none if it has none or it cannot be read. */
    static ConversationTopic topic(Map<String, String> fields) {
        String json = fields.get(TOPIC);
        if (json == null) {
            return ConversationTopic.NONE;
        }
        try {
            return TOPICS.readValue(json, ConversationTopic.class);
        } catch (JsonProcessingException e) {
            LOG.log(Level.WARNING, "unreadable topic; starting afresh", e);
            return ConversationTopic.NONE;
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unserialisable memory", e);
        }
    }
}
