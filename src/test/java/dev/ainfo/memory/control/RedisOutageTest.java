package dev.ainfo.memory.control;

import dev.ainfo.testing.RedisProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySettings;
import dev.ainfo.memory.entity.MemorySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Redis is killed in the middle of a conversation and started again, empty, on the same port. */
class RedisOutageTest {

    private static final TokenCounter TOKENS = TokenCounter.forModel("gpt-4o-mini");

    private final StoredLog log = new StoredLog();

    private long turn(MemoryStore store, String question, String answer) {
        log.question(question);
        long id = log.answer(answer);
        store.remember("alice", 7, id, question, answer);
        return id;
    }

    @Test
    void answersGoOnWhileRedisIsDownAndMemoryResumesWhenItReturns() throws Exception {
        try (RedisProcess redis = RedisProcess.start()) {
            RedissonClient client = redis.client();
            try {
                MemoryStore store = new MemoryStore(client, TOKENS, new ExtractiveSummarizer(TOKENS, 400), log,
                        MemorySettings.defaults().withRetryAfter(Duration.ofMillis(300)));
                turn(store, "Who can get the youth rent allowance?", "Young people aged 19 to 34 living apart from parents.");
                turn(store, "How much is it?", "Up to 200,000 won a month.");
                assertEquals(4, store.load("alice", 7).messages().size());

                redis.kill();
                log.question("For how long?");
                MemorySnapshot whileDown = store.load("alice", 7);
                assertEquals(List.of(
                        new MemoryMessage("user", "Who can get the youth rent allowance?"),
                        new MemoryMessage("bot", "Young people aged 19 to 34 living apart from parents."),
                        new MemoryMessage("user", "How much is it?"),
                        new MemoryMessage("bot", "Up to 200,000 won a month.")), whileDown.messages(),
                        "the buffer is rebuilt from the log, without the question being answered");
                assertTrue(store.degraded());
                assertFalse(store.reachable());
                long answerWhileDown = log.answer("For 12 months.");
                store.remember("alice", 7, answerWhileDown, "For 12 months?", "For 12 months.");

                redis.startAgain();
                Instant deadline = Instant.now().plusSeconds(15);
                log.question("Can I apply again later?");
                MemorySnapshot afterRestart = store.load("alice", 7);
                while (store.degraded() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                    afterRestart = store.load("alice", 7);
                }
                assertFalse(store.degraded(), "memory resumed without a restart of the application");
                assertEquals(6, afterRestart.messages().size(), "the answer given while Redis was down is in the log");

                long id = log.answer("Only once in a lifetime.");
                store.remember("alice", 7, id, "Can I apply again later?", "Only once in a lifetime.");

                Map<String, String> hash = client.<String, String>getMap(MemoryStore.key("alice", 7), StringCodec.INSTANCE).readAllMap();
                List<MemoryMessage> buffer = new ObjectMapper().readValue(hash.get("messages"), new TypeReference<List<MemoryMessage>>() {
                });
                assertEquals(new MemoryMessage("bot", "Only once in a lifetime."), buffer.get(buffer.size() - 1));
                assertEquals(new MemoryMessage("bot", "For 12 months."), buffer.get(buffer.size() - 3));
                assertTrue(TOKENS.count(buffer) <= 200);
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void turnsAnsweredWhileRedisDidNotAnswerAreAddedWhenItDoes() throws Exception {
        try (RedisProcess redis = RedisProcess.start()) {
            RedissonClient client = redis.client();
            try {
                MemoryStore store = new MemoryStore(client, TOKENS, new ExtractiveSummarizer(TOKENS, 400), log,
                        MemorySettings.defaults().withRetryAfter(Duration.ofMillis(300)));
                turn(store, "Is there a deposit loan for youth?", "Yes, through the housing fund.");

                redis.pause();
                turn(store, "What is the rate?", "From 1.5 percent a year.");
                assertTrue(store.degraded());

                redis.resume();
                log.question("And the limit?");
                Instant deadline = Instant.now().plusSeconds(15);
                MemorySnapshot next = store.load("alice", 7);
                while (store.degraded() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                    next = store.load("alice", 7);
                }
                assertFalse(store.degraded());
                assertEquals(new MemoryMessage("bot", "From 1.5 percent a year."), next.messages().get(3),
                        "the parked turn is in the next prompt before it reaches Redis");

                long id = log.answer("Up to 200 million won.");
                store.remember("alice", 7, id, "And the limit?", "Up to 200 million won.");

                Map<String, String> hash = client.<String, String>getMap(MemoryStore.key("alice", 7), StringCodec.INSTANCE).readAllMap();
                List<MemoryMessage> buffer = new ObjectMapper().readValue(hash.get("messages"), new TypeReference<List<MemoryMessage>>() {
                });
                assertEquals(List.of("Is there a deposit loan for youth?", "Yes, through the housing fund.",
                        "What is the rate?", "From 1.5 percent a year.", "And the limit?", "Up to 200 million won."),
                        buffer.stream().map(MemoryMessage::message).toList());
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void turnsParkedDuringAnOutageReachRedisWithoutAnotherQuestion() throws Exception {
        try (RedisProcess redis = RedisProcess.start()) {
            RedissonClient client = redis.client();
            try {
                MemoryStore store = new MemoryStore(client, TOKENS, new ExtractiveSummarizer(TOKENS, 400), log,
                        MemorySettings.defaults().withRetryAfter(Duration.ofMillis(300)));
                turn(store, "Is there a deposit loan for youth?", "Yes, through the housing fund.");

                redis.pause();
                turn(store, "What is the rate?", "From 1.5 percent a year.");
                assertTrue(store.degraded());
                assertEquals(1, store.storeParked(), "nothing is stored while Redis does not answer");

                redis.resume();
                assertEquals(0, storeParkedUntilDone(store), "the parked turn went to Redis once it answered");
                assertEquals(List.of("Is there a deposit loan for youth?", "Yes, through the housing fund.",
                        "What is the rate?", "From 1.5 percent a year."), buffer(client));

                redis.kill();
                turn(store, "And the limit?", "Up to 200 million won.");
                redis.startAgain();
                assertEquals(0, storeParkedUntilDone(store));
                assertEquals(List.of("Is there a deposit loan for youth?", "Yes, through the housing fund.",
                        "What is the rate?", "From 1.5 percent a year.", "And the limit?", "Up to 200 million won."),
                        buffer(client), "Redis came back empty: the memory is rebuilt from the log, parked turn included");
            } finally {
                client.shutdown();
            }
        }
    }

    private static int storeParkedUntilDone(MemoryStore store) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        int left = store.storeParked();
        while (left > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            left = store.storeParked();
        }
        return left;
    }

    private static List<String> buffer(RedissonClient client) throws Exception {
        Map<String, String> hash = client.<String, String>getMap(MemoryStore.key("alice", 7), StringCodec.INSTANCE).readAllMap();
        return new ObjectMapper().readValue(hash.get("messages"), new TypeReference<List<MemoryMessage>>() {
        }).stream().map(MemoryMessage::message).toList();
    }
}
