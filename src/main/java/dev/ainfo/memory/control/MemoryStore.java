package dev.ainfo.memory.control;

import dev.ainfo.memory.entity.ConversationTopic;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySettings;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.ainfo.memory.entity.StoredMemory;
import dev.ainfo.platform.control.AppMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Summary-plus-buffer memory in one Redis hash per (user, room), {@code ainfo:memory:{user}:{room}}
 * (fields in {@link MemoryHash}).
 *
 * <p>A turn just answered waits in the same hash as a field {@code pending:<answerId>} until an
 * update folds it in: every instance's next prompt sees it, and it survives the instance that
 * answered it. Only while Redis is unreachable does a turn wait in this JVM instead
 * ({@link ParkedTurns}), until an update or the retry timer stores it.
 *
 * <p>Reads are one HGETALL. An update reads the hash, summarises, and writes it whole in one script
 * that checks nobody wrote since; if somebody did, it reads again. So two writers (two tabs, two
 * instances) lose no turn, with two round trips and no lock. When Redis is unreachable or lost the
 * key, the buffer comes from the chat log instead. The buffer arithmetic itself is {@link SummaryBuffer}.
 */
public final class MemoryStore {

    private static final Logger LOG = Logger.getLogger(MemoryStore.class.getName());
    /** Bounds what an outage can hold in this JVM; beyond it, conversations rely on the log. */
    static final int MAX_PARKED_CONVERSATIONS = 10_000;
    /** Writers of one conversation that keep coming first; beyond this the turn waits for the retry timer. */
    static final int MAX_ATTEMPTS = 20;

    public static final String PREFIX = "ainfo:memory:";
    public static final String PENDING = MemoryHash.PENDING;

    private final RedissonClient redis;
    private final MemoryHash hash;
    private final TokenCounter tokens;
    private final SummaryBuffer buffer;
    private final ConversationLog log;
    private final MemorySettings settings;
    private final RedisAvailability availability;
    private final ParkedTurns parked;

    public MemoryStore(RedissonClient redis, TokenCounter tokens, Summarizer summarizer, ConversationLog log,
                       MemorySettings settings) {
        this.redis = redis;
        this.hash = new MemoryHash(redis, settings.ttl());
        this.tokens = tokens;
        this.buffer = new SummaryBuffer(tokens, summarizer, settings.maxTokenLimit());
        this.log = log;
        this.settings = settings;
        this.availability = new RedisAvailability(settings.retryAfter());
        this.parked = new ParkedTurns(MAX_PARKED_CONVERSATIONS, settings.rebuildMessages() / 2);
    }

    public static String key(String userId, long roomId) {
        return PREFIX + userId + ":" + roomId;
    }

    /**
     * A new conversation starts with an empty memory in Redis, so its first turns need not ask the log
     * whether there were earlier ones. It also replaces a key that outlived its room (a database reset).
     */
    public void begin(String userId, long roomId) {
        if (!availability.worthTrying()) {
            return;
        }
        try {
            hash.write(key(userId, roomId), MemoryHash.ANY, StoredMemory.EMPTY, List.of(), true);
            availability.succeeded();
        } catch (RedisException e) {
            availability.failed("begin", e);
        }
    }

    /**
     * The turn just answered, held as a pending field of the conversation's hash until an update has
     * folded it in: a question asked right after the done frame, on any instance, must see it. False
     * if the hash is missing (its room was deleted, or Redis lost it: the log has the turn) or the
     * turn could only be parked here.
     */
    public boolean note(String userId, long roomId, long answerId, String question, String answer) {
        String key = key(userId, roomId);
        Turn turn = new Turn(answerId, question, answer);
        if (availability.worthTrying()) {
            try {
                boolean added = hash.note(key, turn);
                availability.succeeded();
                return added;
            } catch (RedisException e) {
                availability.failed("note", e);
            }
        }
        parked.park(key, List.of(turn));
        return false;
    }

    /** The memory and topic for the next prompt; never fails, never summarises, at most one round trip. */
    public MemorySnapshot load(String userId, long roomId) {
        String key = key(userId, roomId);
        // Read before Redis: a turn settled meanwhile is then in what Redis returns.
        List<Turn> waiting = new ArrayList<>(parked.of(key));
        Map<String, String> fields = Map.of();
        if (availability.worthTrying()) {
            try {
                fields = hash.read(key);
                availability.succeeded();
            } catch (RedisException e) {
                availability.failed("load", e);
            }
        }
        ConversationTopic topic = MemoryHash.topic(fields);
        if (!fields.containsKey(MemoryHash.MESSAGES_FIELD)) {
            return new MemorySnapshot("", buffer.trimmed(fromLog(userId, roomId, null)), topic);
        }
        for (Turn turn : MemoryHash.pending(fields)) {
            if (waiting.stream().noneMatch(t -> t.answerId() == turn.answerId())) {
                waiting.add(turn);
            }
        }
        waiting.sort(Comparator.comparingLong(Turn::answerId));
        return withParked(waiting, MemoryHash.decode(fields, tokens)).withTopic(topic);
    }

    /**
     * Appends a completed turn, with any others parked for the conversation, and folds the oldest lines
     * into the summary while the buffer is over the limit. Runs after the done frame; a retry with the
     * same answer id changes nothing. A turn stays parked until it is in Redis, so while Redis is
     * unreachable it is added once Redis answers again.
     */
    public void remember(String userId, long roomId, long answerId, String question, String answer) {
        remember(userId, roomId, answerId, question, answer, false);
    }

    /**
     * As above; with {@code noted}, the turn was noted in Redis, so it is folded in only if it is
     * still pending there: a reset or another instance's update since then has had its say.
     */
    public void remember(String userId, long roomId, long answerId, String question, String answer, boolean noted) {
        update(userId, roomId, new Turn(answerId, question, answer), noted);
    }

    /**
     * Stores the turns parked while Redis failed, once it answers again: a conversation that asks
     * nothing more must not keep them only in this JVM. Called on a timer; the number still parked.
     */
    public int storeParked() {
        for (String key : parked.conversations()) {
            if (!availability.worthTrying()) {
                break;
            }
            int split = key.lastIndexOf(':');
            update(key.substring(PREFIX.length(), split), Long.parseLong(key.substring(split + 1)), null, false);
        }
        return parked.conversations().size();
    }

    /** Folds {@code turn} (null: only the parked turns) and the hash's pending turns into the memory. */
    private void update(String userId, long roomId, Turn turn, boolean noted) {
        String key = key(userId, roomId);
        List<Turn> mine = turn == null ? List.of() : List.of(turn);
        if (!availability.worthTrying()) {
            deferUpdate(key, mine);
            return;
        }
        List<Turn> considered = List.copyOf(parked.of(key));
        try {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                if (tryUpdate(userId, roomId, turn, noted, considered)) {
                    availability.succeeded();
                    parked.settle(key, considered);
                    return;
                }
            }
            LOG.warning(() -> "memory of " + key + " kept changing under " + MAX_ATTEMPTS + " attempts; the turn waits for the retry");
            availability.succeeded();
            deferUpdate(key, mine);
        } catch (RedisException e) {
            availability.failed("remember", e);
            List<Turn> waiting = new ArrayList<>(considered);
            waiting.addAll(mine);
            deferUpdate(key, waiting);
        }
    }

    /** One read, fold and conditional write; false if another writer changed the hash meanwhile. */
    private boolean tryUpdate(String userId, long roomId, Turn turn, boolean noted, List<Turn> parkedTurns) {
        String key = key(userId, roomId);
        Map<String, String> fields = hash.read(key);
        List<Turn> turns = new ArrayList<>(parkedTurns);
        List<Turn> inRedis = MemoryHash.pending(fields);
        for (Turn waiting : inRedis) {
            if (turns.stream().noneMatch(t -> t.answerId() == waiting.answerId())) {
                turns.add(waiting);
            }
        }
        boolean missing = !fields.containsKey(MemoryHash.MESSAGES_FIELD);
        if (turn != null && (!noted || missing) && turns.stream().noneMatch(t -> t.answerId() == turn.answerId())) {
            turns.add(turn);
        }
        StoredMemory memory;
        if (missing) {
            // The log already holds every turn before this one, parked ones included.
            Long current = turn == null ? null : turn.answerId();
            List<MemoryMessage> logged = fromLog(userId, roomId, current);
            if (turn == null && logged.isEmpty()) {
                // Nothing to rebuild: the room is gone, or its next question will rebuild it.
                return true;
            }
            memory = new StoredMemory("", logged, tokens.counts(logged), List.of());
            turns.removeIf(t -> current == null || t.answerId() < current);
        } else {
            memory = MemoryHash.decode(fields, tokens);
        }
        StoredMemory before = memory;
        turns.sort(Comparator.comparingLong(Turn::answerId));
        for (Turn next : turns) {
            if (!memory.answers().contains(next.answerId())) {
                memory = buffer.appended(memory, next.answerId(), next.question(), next.answer());
            }
        }
        List<String> folded = inRedis.stream().map(t -> PENDING + t.answerId()).toList();
        if (memory == before && folded.isEmpty() && !missing) {
            return true; // a retry of a turn already remembered; the read refreshed the idle time
        }
        return hash.write(key, fields.get(MemoryHash.VERSION), memory == before ? memory : buffer.summarised(memory), folded, false);
    }

    /** An update that could not be written now: its turns wait for the next one. */
    private void deferUpdate(String key, List<Turn> turns) {
        if (!turns.isEmpty()) {
            AppMetrics.memoryUpdateFailed();
            parked.park(key, turns);
        }
    }

    /** Parked turns belong in the next prompt even before they reach Redis. */
    private MemorySnapshot withParked(List<Turn> waiting, StoredMemory memory) {
        if (waiting.stream().allMatch(t -> memory.answers().contains(t.answerId()))) {
            return memory.snapshot();
        }
        List<MemoryMessage> messages = new ArrayList<>(memory.messages());
        for (Turn turn : waiting) {
            if (!memory.answers().contains(turn.answerId())) {
                messages.add(new MemoryMessage("user", turn.question()));
                messages.add(new MemoryMessage("bot", turn.answer()));
            }
        }
        return new MemorySnapshot(memory.summary(), buffer.trimmed(messages));
    }

    /** Resets the conversation to an empty memory, kept as a key so the log does not refill it. */
    public void forget(String userId, long roomId) {
        parked.drop(key(userId, roomId));
        try {
            // Pending turns go too, and the version moves on, so no update in flight brings a forgotten turn back.
            hash.write(key(userId, roomId), MemoryHash.ANY, StoredMemory.EMPTY, List.of(), true);
            availability.succeeded();
        } catch (RedisException e) {
            availability.failed("forget", e);
            throw new MemoryUnavailable("memory cannot be reset while Redis is unreachable", e);
        }
    }

    /** The room is gone, and with it its log: drop the key. Redis down means the TTL will. */
    public void delete(String userId, long roomId) {
        parked.drop(key(userId, roomId));
        try {
            redis.getKeys().delete(key(userId, roomId));
            availability.succeeded();
        } catch (RedisException e) {
            availability.failed("delete", e);
            LOG.warning(() -> "could not delete " + key(userId, roomId) + "; it expires after " + settings.ttl());
        }
    }

    /** A real round trip for the health check, bounded well under a probe's timeout. */
    public boolean reachable() {
        return availability.probe(() -> redis.getBucket(PREFIX + "health", StringCodec.INSTANCE).isExistsAsync());
    }

    public boolean degraded() {
        return availability.degraded();
    }

    public String encodingName() {
        return tokens.encodingName();
    }

    /** The log's newest messages before {@code beforeId}, without the question being answered now. */
    private List<MemoryMessage> fromLog(String userId, long roomId, Long beforeId) {
        List<MemoryMessage> recent = log.answeredTurns(roomId, beforeId, settings.rebuildMessages());
        if (!recent.isEmpty()) {
            LOG.warning(() -> "memory of " + key(userId, roomId) + " is missing or unreachable; rebuilt "
                    + recent.size() + " messages from the chat log");
        }
        return recent;
    }
}
