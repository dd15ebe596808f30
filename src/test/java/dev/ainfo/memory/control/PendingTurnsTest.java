package dev.ainfo.memory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySettings;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.ainfo.testing.RedisProcess;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Turns waiting for a memory update, across instances: two stores with their own Redisson clients
 * stand for two instances sharing one redis-server and one chat log.
 */
class PendingTurnsTest {

    private static final TokenCounter TOKENS = TokenCounter.forModel("gpt-4o-mini");
    private static final AtomicLong ROOMS = new AtomicLong(5000);

    private static RedisProcess redis;
    private static RedissonClient clientA;
    private static RedissonClient clientB;

    private final StoredLog log = new StoredLog();
    private final long room = ROOMS.incrementAndGet();

    @BeforeAll
    static void start() {
        redis = RedisProcess.start();
        clientA = redis.client();
        clientB = redis.client();
    }

    @AfterAll
    static void stop() {
        clientA.shutdown();
        clientB.shutdown();
        redis.close();
    }

    private MemoryStore store(RedissonClient client) {
        MemorySettings settings = MemorySettings.defaults();
        return new MemoryStore(client, TOKENS, new ExtractiveSummarizer(TOKENS, settings.maxSummaryTokens()), log, settings);
    }

    private Map<String, String> hash(String user) {
        return clientA.<String, String>getMap(MemoryStore.key(user, room), StringCodec.INSTANCE).readAllMap();
    }

    private static List<MemoryMessage> turn(String question, String answer) {
        return List.of(new MemoryMessage("user", question), new MemoryMessage("bot", answer));
    }

    @Test
    void aTurnNotedOnOneInstanceIsInTheNextPromptOnAnother() {
        MemoryStore a = store(clientA);
        MemoryStore b = store(clientB);
        a.begin("u", room);
        log.question("Is there a deposit loan?");
        long answer = log.answer("Yes, up to 20 million won.");

        assertTrue(a.note("u", room, answer, "Is there a deposit loan?", "Yes, up to 20 million won."));

        assertEquals(turn("Is there a deposit loan?", "Yes, up to 20 million won."), b.load("u", room).messages());
        assertEquals(0, log.reads(), "from Redis, not the log");
    }

    @Test
    void aTurnWhoseInstanceDiedBeforeItsUpdateIsFoldedInByTheNextUpdateElsewhere() throws Exception {
        MemoryStore dies = store(clientA);
        MemoryStore survivor = store(clientB);
        dies.begin("u", room);
        log.question("Q1?");
        long first = log.answer("A1.");
        dies.note("u", room, first, "Q1?", "A1.");
        // The instance dies here: its update never runs.

        log.question("Q2?");
        long second = log.answer("A2.");
        assertTrue(survivor.note("u", room, second, "Q2?", "A2."));
        survivor.remember("u", room, second, "Q2?", "A2.", true);

        Map<String, String> hash = hash("u");
        assertTrue(hash.keySet().stream().noneMatch(f -> f.startsWith(MemoryStore.PENDING)), hash.toString());
        List<MemoryMessage> both = new java.util.ArrayList<>(turn("Q1?", "A1."));
        both.addAll(turn("Q2?", "A2."));
        assertEquals(both, store(clientA).load("u", room).messages(), "both turns, in order, once");
    }

    @Test
    void aResetOnOneInstanceIsNotUndoneByAnUpdateOnAnother() {
        MemoryStore answering = store(clientA);
        MemoryStore resetting = store(clientB);
        answering.begin("u", room);
        log.question("Q?");
        long answer = log.answer("A.");
        answering.note("u", room, answer, "Q?", "A.");

        resetting.forget("u", room);
        answering.remember("u", room, answer, "Q?", "A.", true);

        assertEquals(MemorySnapshot.EMPTY, resetting.load("u", room));
        assertEquals(MemorySnapshot.EMPTY, answering.load("u", room));
    }

    @Test
    void aDeletedRoomsMemoryIsNotRecreatedByALateTurn() {
        MemoryStore answering = store(clientA);
        MemoryStore deleting = store(clientB);
        answering.begin("u", room);
        log.question("Q?");
        long answer = log.answer("A.");

        deleting.delete("u", room);

        assertFalse(answering.note("u", room, answer, "Q?", "A."));
        assertEquals(0, clientA.getKeys().countExists(MemoryStore.key("u", room)));
    }
}
