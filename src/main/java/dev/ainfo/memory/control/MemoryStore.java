package dev.ainfo.memory.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySettings;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.ainfo.memory.entity.StoredMemory;
import dev.ainfo.platform.control.AppMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RLock;
import org.redisson.api.RMap;
import org.redisson.api.RMapAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Summary-plus-buffer memory in one Redis hash per (user, room), {@code ainfo:memory:{user}:{room}},
 * with readable string fields {@code summary}, {@code messages} (JSON array of {role, message}),
 * {@code counts} (each message's tokens, so no update recounts the buffer), {@code tokens} (their sum)
 * and {@code answers} (ids of the answers already remembered).
 *
 * <p>A turn just answered waits in the same hash as a field {@code pending:<answerId>} until an
 * update folds it in: every instance's next prompt sees it, and it survives the instance that
 * answered it. Only while Redis is unreachable does a turn wait in this JVM instead.
 *
 * <p>Reads are lock-free: one HGETALL, and the hash is always written whole in one MULTI. Updates
 * to one conversation hold a Redisson lock for read, summarise and write, so two writers (two
 * tabs, two instances) lose no turn; the lock's watchdog keeps it while a model summarises and
 * frees it if this instance dies. When Redis is unreachable or lost the key, the buffer comes from
 * the chat log instead.
 */
public final class MemoryStore {

    private static final Logger LOG = Logger.getLogger(MemoryStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<MemoryMessage>> MESSAGES = new TypeReference<>() {
    };
    private static final TypeReference<List<Long>> IDS = new TypeReference<>() {
    };
    private static final TypeReference<List<Integer>> INTS = new TypeReference<>() {
    };
    /** Enough ids to recognise any retry; a turn older than this is long summarised. */
    static final int REMEMBERED_ANSWERS = 50;
    /** Bounds what an outage can hold in this JVM; beyond it, conversations rely on the log. */
    static final int MAX_PARKED_CONVERSATIONS = 10_000;
    /** Kubernetes probes time out after one second by default. */
    static final Duration HEALTH_TIMEOUT = Duration.ofMillis(800);

    public static final String PREFIX = "ainfo:memory:";
    public static final String SUMMARY = "summary";
    public static final String MESSAGES_FIELD = "messages";
    public static final String TOKENS = "tokens";
    public static final String COUNTS = "counts";
    public static final String ANSWERS = "answers";
    /** Prefix of the fields holding turns that wait for an update: {@code pending:<answerId>}. */
    public static final String PENDING = "pending:";
    /** Adds a pending turn only to a hash that exists: a deleted room's must not come back. */
    private static final String NOTE_SCRIPT = "if redis.call('exists', KEYS[1]) == 1 then "
            + "redis.call('hset', KEYS[1], ARGV[1], ARGV[2]) return 1 end return 0";

    private final RedissonClient redis;
    private final TokenCounter tokens;
    private final Summarizer summarizer;
    private final ConversationLog log;
    private final MemorySettings settings;
    private final RedisAvailability availability;
    private final ParkedTurns parked;

    public MemoryStore(RedissonClient redis, TokenCounter tokens, Summarizer summarizer, ConversationLog log,
                       MemorySettings settings) {
        this.redis = redis;
        this.tokens = tokens;
        this.summarizer = summarizer;
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
            write(userId, roomId, StoredMemory.EMPTY);
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
                Long added = redis.getScript(StringCodec.INSTANCE).eval(key, org.redisson.api.RScript.Mode.READ_WRITE,
                        NOTE_SCRIPT, org.redisson.api.RScript.ReturnType.INTEGER, List.of(key),
                        PENDING + answerId, json(turn));
                availability.succeeded();
                return added != null && added == 1;
            } catch (RedisException e) {
                availability.failed("note", e);
            }
        }
        parked.park(key, List.of(turn));
        return false;
    }

    /** The memory for the next prompt; never fails, never summarises, at most one round trip. */
    public MemorySnapshot load(String userId, long roomId) {
        String key = key(userId, roomId);
        // Read before Redis: a turn settled meanwhile is then in what Redis returns.
        List<Turn> waiting = new ArrayList<>(parked.of(key));
        if (availability.worthTrying()) {
            try {
                RMap<String, String> map = map(userId, roomId);
                Map<String, String> fields = map.readAllMap();
                availability.succeeded();
                if (fields.containsKey(MESSAGES_FIELD)) {
                    // Refreshing the idle time need not delay the answer.
                    map.expireAsync(settings.ttl());
                    for (Turn turn : pending(fields)) {
                        if (waiting.stream().noneMatch(t -> t.answerId() == turn.answerId())) {
                            waiting.add(turn);
                        }
                    }
                    waiting.sort(Comparator.comparingLong(Turn::answerId));
                    return withParked(waiting, decode(fields, tokens));
                }
            } catch (RedisException e) {
                availability.failed("load", e);
            }
        }
        return new MemorySnapshot("", trimmed(fromLog(userId, roomId, null)));
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
        update(userId, roomId, new Turn(answerId, question, answer), noted, settings.lockWait());
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
            update(key.substring(PREFIX.length(), split), Long.parseLong(key.substring(split + 1)), null, false, Duration.ZERO);
        }
        return parked.conversations().size();
    }

    /** Folds {@code turn} (null: only the parked turns) and the hash's pending turns into the memory. */
    private void update(String userId, long roomId, Turn turn, boolean noted, Duration lockWait) {
        String key = key(userId, roomId);
        List<Turn> mine = turn == null ? List.of() : List.of(turn);
        if (!availability.worthTrying()) {
            deferUpdate(key, mine);
            return;
        }
        RLock lock = lock(userId, roomId);
        try {
            if (!lock.tryLock(lockWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.fine(() -> "memory of " + key + " stayed locked for " + lockWait + "; " + mine + " waits for the next update");
                deferUpdate(key, mine);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deferUpdate(key, mine);
            return;
        } catch (RedisException e) {
            availability.failed("lock", e);
            deferUpdate(key, mine);
            return;
        }
        List<Turn> turns = new ArrayList<>(parked.of(key));
        List<Turn> considered = List.copyOf(turns);
        try {
            RMap<String, String> map = map(userId, roomId);
            Map<String, String> fields = map.readAllMap();
            List<Turn> inRedis = pending(fields);
            for (Turn waiting : inRedis) {
                if (turns.stream().noneMatch(t -> t.answerId() == waiting.answerId())) {
                    turns.add(waiting);
                }
            }
            boolean missing = !fields.containsKey(MESSAGES_FIELD);
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
                    parked.settle(key, considered);
                    return;
                }
                memory = new StoredMemory("", logged, tokens.counts(logged), List.of());
                turns.removeIf(t -> current == null || t.answerId() < current);
            } else {
                memory = decode(fields, tokens);
            }
            StoredMemory before = memory;
            turns.sort(Comparator.comparingLong(Turn::answerId));
            for (Turn next : turns) {
                if (!memory.answers().contains(next.answerId())) {
                    memory = appended(memory, next.answerId(), next.question(), next.answer());
                }
            }
            List<String> folded = inRedis.stream().map(t -> PENDING + t.answerId()).toList();
            if (memory == before && folded.isEmpty() && !missing) {
                map.expire(settings.ttl());
            } else {
                write(userId, roomId, memory == before ? memory : summarised(memory), folded, false);
            }
            availability.succeeded();
            parked.settle(key, considered);
        } catch (RedisException e) {
            availability.failed("remember", e);
            deferUpdate(key, turns);
        } finally {
            unlock(lock);
        }
    }

    /** An update that could not be written now: its turns wait for the next one. */
    private void deferUpdate(String key, List<Turn> turns) {
        if (!turns.isEmpty()) {
            AppMetrics.memoryUpdateFailed();
            parked.park(key, turns);
        }
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

    /** Parked turns belong in the next prompt even before they reach Redis. */
    private MemorySnapshot withParked(List<Turn> waiting, StoredMemory memory) {
        if (waiting.stream().allMatch(t -> memory.answers().contains(t.answerId()))) {
            return memory.snapshot();
        }
        List<MemoryMessage> buffer = new ArrayList<>(memory.messages());
        for (Turn turn : waiting) {
            if (!memory.answers().contains(turn.answerId())) {
                buffer.add(new MemoryMessage("user", turn.question()));
                buffer.add(new MemoryMessage("bot", turn.answer()));
            }
        }
        return new MemorySnapshot(memory.summary(), trimmed(buffer));
    }

    /** Resets the conversation to an empty memory, kept as a key so the log does not refill it. */
    public void forget(String userId, long roomId) {
        RLock lock = lock(userId, roomId);
        try {
            if (!lock.tryLock(settings.lockWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MemoryUnavailable("memory of room " + roomId + " is being updated; try again", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MemoryUnavailable("interrupted while resetting memory", e);
        } catch (RedisException e) {
            availability.failed("forget", e);
            throw new MemoryUnavailable("memory cannot be reset while Redis is unreachable", e);
        }
        parked.drop(key(userId, roomId));
        try {
            // Pending turns go too, so no instance's update brings a forgotten turn back.
            write(userId, roomId, StoredMemory.EMPTY, List.of(), true);
            availability.succeeded();
        } catch (RedisException e) {
            availability.failed("forget", e);
            throw new MemoryUnavailable("memory cannot be reset while Redis is unreachable", e);
        } finally {
            unlock(lock);
        }
    }

    /** The room is gone, and with it its log: drop the key. Redis down means the TTL will. */
    public void delete(String userId, long roomId) {
        parked.drop(key(userId, roomId));
        try {
            redis.getKeys().delete(key(userId, roomId), lockName(userId, roomId));
            availability.succeeded();
        } catch (RedisException e) {
            availability.failed("delete", e);
            LOG.warning(() -> "could not delete " + key(userId, roomId) + "; it expires after " + settings.ttl());
        }
    }

    /**
     * A real round trip for the health check, bounded well under a probe's timeout. While answers
     * already skip Redis it reports degraded at once; a slow reply says degraded without making
     * answers skip Redis, since only a failure proves it is gone.
     */
    public boolean reachable() {
        if (!availability.worthTrying()) {
            return false;
        }
        try {
            redis.getBucket(PREFIX + "health", StringCodec.INSTANCE).isExistsAsync()
                    .toCompletableFuture().get(HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            availability.succeeded();
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            availability.failed("health check", e.getCause());
            return false;
        } catch (RedisException e) {
            availability.failed("health check", e);
            return false;
        }
    }

    public boolean degraded() {
        return availability.degraded();
    }

    public String encodingName() {
        return tokens.encodingName();
    }

    StoredMemory appended(StoredMemory current, long answerId, String question, String answer) {
        List<MemoryMessage> messages = new ArrayList<>(current.messages());
        messages.add(new MemoryMessage("user", question));
        messages.add(new MemoryMessage("bot", answer));
        List<Integer> counts = new ArrayList<>(current.counts());
        counts.add(tokens.count(question));
        counts.add(tokens.count(answer));
        List<Long> answers = new ArrayList<>(current.answers());
        answers.add(answerId);
        if (answers.size() > REMEMBERED_ANSWERS) {
            answers = answers.subList(answers.size() - REMEMBERED_ANSWERS, answers.size());
        }
        return new StoredMemory(current.summary(), messages, counts, answers);
    }

    /** LangChain's summary buffer: pop the oldest lines until the buffer fits, summarise what was popped. */
    StoredMemory summarised(StoredMemory memory) {
        int total = memory.tokens();
        if (total <= settings.maxTokenLimit()) {
            return memory;
        }
        int leaving = 0;
        while (total > settings.maxTokenLimit() && leaving < memory.messages().size()) {
            total -= memory.counts().get(leaving++);
        }
        int size = memory.messages().size();
        String summary = summarizer.summarize(memory.summary(), memory.messages().subList(0, leaving));
        return new StoredMemory(summary, memory.messages().subList(leaving, size),
                memory.counts().subList(leaving, size), memory.answers());
    }

    private void write(String userId, long roomId, StoredMemory memory) {
        write(userId, roomId, memory, List.of(), false);
    }

    /** Writes the hash whole, dropping the pending turns it now holds, or every other field when {@code reset}. */
    private void write(String userId, long roomId, StoredMemory memory, List<String> folded, boolean reset) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(SUMMARY, memory.summary());
        fields.put(MESSAGES_FIELD, json(memory.messages()));
        fields.put(COUNTS, json(memory.counts()));
        fields.put(TOKENS, String.valueOf(memory.tokens()));
        fields.put(ANSWERS, json(memory.answers()));
        // One MULTI: readers see the old hash or the new one, never half of each, and never without its TTL.
        RBatch batch = redis.createBatch(BatchOptions.defaults().executionMode(BatchOptions.ExecutionMode.IN_MEMORY_ATOMIC));
        RMapAsync<String, String> map = batch.getMap(key(userId, roomId), StringCodec.INSTANCE);
        if (reset) {
            map.deleteAsync();
        }
        if (!folded.isEmpty()) {
            map.fastRemoveAsync(folded.toArray(String[]::new));
        }
        map.putAllAsync(fields);
        map.expireAsync(settings.ttl());
        batch.execute();
    }

    /** The log's newest messages before {@code beforeId}, without the question being answered now. */
    private List<MemoryMessage> fromLog(String userId, long roomId, Long beforeId) {
        List<MemoryMessage> recent;
        try {
            recent = new ArrayList<>(log.recent(roomId, beforeId, settings.rebuildMessages()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not rebuild memory of room " + roomId + " from the chat log", e);
            return List.of();
        }
        while (!recent.isEmpty() && "user".equals(recent.get(recent.size() - 1).role())) {
            recent.remove(recent.size() - 1);
        }
        if (!recent.isEmpty()) {
            int count = recent.size();
            LOG.warning(() -> "memory of " + key(userId, roomId) + " is missing or unreachable; rebuilt "
                    + count + " messages from the chat log");
        }
        return recent;
    }

    /** Without Redis there is no summary, so the rebuilt buffer keeps only what fits the limit. */
    private List<MemoryMessage> trimmed(List<MemoryMessage> messages) {
        List<MemoryMessage> buffer = new ArrayList<>(messages);
        int total = tokens.count(buffer);
        while (total > settings.maxTokenLimit() && !buffer.isEmpty()) {
            total -= tokens.count(buffer.remove(0).message());
        }
        return buffer;
    }

    private RMap<String, String> map(String userId, long roomId) {
        return redis.getMap(key(userId, roomId), StringCodec.INSTANCE);
    }

    private RLock lock(String userId, long roomId) {
        return redis.getLock(lockName(userId, roomId));
    }

    private static String lockName(String userId, long roomId) {
        return key(userId, roomId) + ":lock";
    }

    private void unlock(RLock lock) {
        try {
            lock.unlock();
        } catch (RuntimeException e) {
            // Redis went away while we held it: the lock key expires with its watchdog.
            LOG.fine(() -> "could not release " + lock.getName() + ": " + e);
        }
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

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unserialisable memory", e);
        }
    }
}
