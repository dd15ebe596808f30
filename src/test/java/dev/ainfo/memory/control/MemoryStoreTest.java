package dev.ainfo.memory.control;

import dev.ainfo.testing.RedisProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ainfo.memory.entity.ConversationTopic;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySettings;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.ainfo.memory.entity.StoredMemory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** The memory store against a real redis-server, through a real Redisson client. */
class MemoryStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TokenCounter TOKENS = TokenCounter.forModel("gpt-4o-mini");
    private static final AtomicLong ROOMS = new AtomicLong(100);

    private static RedisProcess redis;
    private static RedissonClient client;

    private final StoredLog log = new StoredLog();
    private final long room = ROOMS.incrementAndGet();

    @BeforeAll
    static void startRedis() {
        redis = RedisProcess.start();
        client = redis.client();
    }

    @AfterAll
    static void stopRedis() {
        client.shutdown();
        redis.close();
    }

    private MemoryStore store(MemorySettings settings) {
        return new MemoryStore(client, TOKENS, new ExtractiveSummarizer(TOKENS, settings.maxSummaryTokens()), log, settings);
    }

    private long turn(MemoryStore store, String user, String question, String answer) {
        log.question(question);
        long id = log.answer(answer);
        store.remember(user, room, id, question, answer);
        return id;
    }

    private Map<String, String> hash(String user) {
        return client.<String, String>getMap(MemoryStore.key(user, room), StringCodec.INSTANCE).readAllMap();
    }

    private static List<MemoryMessage> messages(Map<String, String> hash) throws Exception {
        return JSON.readValue(hash.get("messages"), new TypeReference<List<MemoryMessage>>() {
        });
    }

    /** An answer that brings the turn to exactly {@code target} tokens, counted by jtokkit. */
    private static String answerFilling(String question, int target) {
        StringBuilder answer = new StringBuilder("The allowance covers monthly rent");
        while (TOKENS.count(question) + TOKENS.count(answer.toString()) < target) {
            answer.append(" and rent");
        }
        assertEquals(target, TOKENS.count(question) + TOKENS.count(answer.toString()), "padding hit the target exactly");
        return answer.toString();
    }

    @Test
    void summarisingStartsOnlyWhenTheBufferExceedsTheLimit() throws Exception {
        MemoryStore store = store(MemorySettings.defaults());
        String question = "What does the youth monthly rent allowance cover?";
        String answer = answerFilling(question, 200);

        turn(store, "limit", question, answer);
        Map<String, String> atLimit = hash("limit");
        assertEquals("200", atLimit.get("tokens"));
        assertEquals("", atLimit.get("summary"), "a buffer of exactly 200 tokens is not summarised");
        assertEquals(2, messages(atLimit).size());

        turn(store, "limit", "And the deposit?", "Deposits are not covered.");
        Map<String, String> over = hash("limit");
        List<MemoryMessage> buffer = messages(over);
        assertFalse(over.get("summary").isBlank(), "one token over the limit is summarised");
        assertTrue(over.get("summary").contains("What does the youth monthly rent allowance cover?"));
        assertEquals(TOKENS.count(buffer), Integer.parseInt(over.get("tokens")), "the stored count is jtokkit's");
        assertTrue(TOKENS.count(buffer) <= 200);
        assertEquals(new MemoryMessage("bot", "Deposits are not covered."), buffer.get(buffer.size() - 1));
        // Only as many lines leave as needed: putting back the last one to leave would overflow again.
        List<MemoryMessage> all = List.of(new MemoryMessage("user", question), new MemoryMessage("bot", answer),
                new MemoryMessage("user", "And the deposit?"), new MemoryMessage("bot", "Deposits are not covered."));
        MemoryMessage lastLeft = all.get(all.size() - buffer.size() - 1);
        assertTrue(TOKENS.count(buffer) + TOKENS.count(lastLeft.message()) > 200);
    }

    @Test
    void theHashIsReadableAndCarriesItsTimeToLive() throws Exception {
        MemoryStore store = store(MemorySettings.defaults().withTtl(Duration.ofMinutes(10)));
        turn(store, "readable", "청년 월세 지원은 누가 받을 수 있나요?", "만 19~34세 무주택 청년이 받을 수 있습니다.");

        Map<String, String> hash = hash("readable");
        assertEquals(Set.of("summary", "messages", "counts", "tokens", "answers", "version"), hash.keySet());
        assertEquals(List.of(new MemoryMessage("user", "청년 월세 지원은 누가 받을 수 있나요?"),
                new MemoryMessage("bot", "만 19~34세 무주택 청년이 받을 수 있습니다.")), messages(hash));
        List<Integer> counts = List.of(TOKENS.count("청년 월세 지원은 누가 받을 수 있나요?"),
                TOKENS.count("만 19~34세 무주택 청년이 받을 수 있습니다."));
        assertEquals(JSON.writeValueAsString(counts), hash.get("counts"), "each message's jtokkit count, in order");
        assertEquals(String.valueOf(counts.get(0) + counts.get(1)), hash.get("tokens"));
        long ttl = client.getMap(MemoryStore.key("readable", room), StringCodec.INSTANCE).remainTimeToLive();
        assertTrue(ttl > 590_000 && ttl <= 600_000, "TTL " + ttl);
    }

    @Test
    void aHashWrittenWithoutCountsIsCountedWhenReadAndSummarisedByThoseCounts() throws Exception {
        MemoryStore store = store(MemorySettings.defaults());
        String question = "What does the youth monthly rent allowance cover?";
        String answer = answerFilling(question, 200);
        // As the version before per-message counts wrote it: no counts field.
        client.<String, String>getMap(MemoryStore.key("older", room), StringCodec.INSTANCE).putAll(Map.of(
                "summary", "", "tokens", "200", "answers", "[1]",
                "messages", JSON.writeValueAsString(List.of(new MemoryMessage("user", question), new MemoryMessage("bot", answer)))));

        assertEquals(List.of(new MemoryMessage("user", question), new MemoryMessage("bot", answer)),
                store.load("older", room).messages());
        turn(store, "older", "And the deposit?", "Deposits are not covered.");

        Map<String, String> hash = hash("older");
        assertFalse(hash.get("summary").isBlank(), "the old buffer's counts pushed it over the limit");
        List<MemoryMessage> all = List.of(new MemoryMessage("user", question), new MemoryMessage("bot", answer),
                new MemoryMessage("user", "And the deposit?"), new MemoryMessage("bot", "Deposits are not covered."));
        List<MemoryMessage> buffer = messages(hash);
        assertTrue(buffer.size() < all.size());
        assertEquals(all.subList(all.size() - buffer.size(), all.size()), buffer, "the oldest lines left");
        assertEquals(JSON.writeValueAsString(buffer.stream().map(m -> TOKENS.count(m.message())).toList()), hash.get("counts"));
        assertEquals(String.valueOf(TOKENS.count(buffer)), hash.get("tokens"));
    }

    @Test
    void aNewConversationNeverAsksTheLog() {
        MemoryStore store = store(MemorySettings.defaults());
        store.begin("fresh", room);

        assertEquals(MemorySnapshot.EMPTY, store.load("fresh", room));
        turn(store, "fresh", "Is there a deposit loan?", "Yes, up to 20 million won.");
        assertEquals(List.of(new MemoryMessage("user", "Is there a deposit loan?"), new MemoryMessage("bot", "Yes, up to 20 million won.")),
                store.load("fresh", room).messages());
        assertEquals(0, log.reads(), "neither the first load nor the first update queried the log");
    }

    @Test
    void beginningReplacesAKeyThatOutlivedItsRoom() {
        MemoryStore store = store(MemorySettings.defaults());
        turn(store, "reused", "Is there a deposit loan?", "Yes, up to 20 million won.");

        store.begin("reused", room);

        assertEquals(MemorySnapshot.EMPTY, store.load("reused", room));
    }

    @Test
    void aNotedTurnIsInTheNextPromptBeforeItsUpdateRunsAndOnceAfter() throws Exception {
        MemoryStore store = store(MemorySettings.defaults());
        store.begin("noted", room);
        log.question("Is there a deposit loan?");
        long answer = log.answer("Yes, up to 20 million won.");
        List<MemoryMessage> turn = List.of(new MemoryMessage("user", "Is there a deposit loan?"),
                new MemoryMessage("bot", "Yes, up to 20 million won."));

        store.note("noted", room, answer, "Is there a deposit loan?", "Yes, up to 20 million won.");
        assertEquals(turn, store.load("noted", room).messages(), "seen before the update");
        assertTrue(messages(hash("noted")).isEmpty(), "and not yet in Redis");

        store.remember("noted", room, answer, "Is there a deposit loan?", "Yes, up to 20 million won.");
        assertEquals(turn, messages(hash("noted")));
        assertEquals(turn, store.load("noted", room).messages(), "once, not twice");
        assertEquals(0, log.reads());
    }

    @Test
    void loadingRefreshesTheIdleTimeToLive() throws Exception {
        MemoryStore store = store(MemorySettings.defaults().withTtl(Duration.ofMinutes(10)));
        turn(store, "idle", "Is there a deposit loan?", "Yes, up to 20 million won.");
        String key = MemoryStore.key("idle", room);
        client.getKeys().expire(key, 5, TimeUnit.SECONDS);

        MemorySnapshot loaded = store.load("idle", room);

        assertEquals(2, loaded.messages().size());
        Instant deadline = Instant.now().plusSeconds(5);
        while (client.getKeys().remainTimeToLive(key) < 10_000 && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertTrue(client.getKeys().remainTimeToLive(key) > 590_000);
    }

    @Test
    void aRetriedUpdateDoesNotDuplicateTheTurn() throws Exception {
        MemoryStore store = store(MemorySettings.defaults());
        long id = turn(store, "retry", "How do I apply?", "Online, at bokjiro.go.kr.");

        store.remember("retry", room, id, "How do I apply?", "Online, at bokjiro.go.kr.");

        Map<String, String> hash = hash("retry");
        assertEquals(2, messages(hash).size());
        assertEquals("[" + id + "]", hash.get("answers"));
    }

    @Test
    void aRetryOfATurnAlreadySummarisedChangesNothing() throws Exception {
        MemoryStore store = store(MemorySettings.defaults().withMaxTokenLimit(20));
        long first = turn(store, "folded", "Who qualifies for the youth leap account?", "Workers aged 19 to 34 with modest income.");
        turn(store, "folded", "How much does the government add?", "Up to 6 percent of the monthly deposit.");
        Map<String, String> before = hash("folded");

        store.remember("folded", room, first, "Who qualifies for the youth leap account?", "Workers aged 19 to 34 with modest income.");

        assertEquals(before, hash("folded"));
    }

    @Test
    void twoConcurrentWritersLoseNoTurn() throws Exception {
        RedissonClient otherInstance = redis.client();
        MemorySettings roomy = MemorySettings.defaults().withMaxTokenLimit(100_000);
        MemoryStore tabA = store(roomy);
        MemoryStore tabB = new MemoryStore(otherInstance, TOKENS, new ExtractiveSummarizer(TOKENS, 400), log, roomy);
        AtomicLong ids = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService tabs = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (MemoryStore tab : List.of(tabA, tabB)) {
                String name = tab == tabA ? "A" : "B";
                writers.add(tabs.submit(() -> {
                    start.await();
                    for (int i = 0; i < 25; i++) {
                        tab.remember("tabs", room, ids.incrementAndGet(), "question " + name + i, "answer " + name + i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            tabs.shutdownNow();
            otherInstance.shutdown();
        }

        Map<String, String> hash = hash("tabs");
        List<MemoryMessage> buffer = messages(hash);
        assertEquals(100, buffer.size());
        Set<String> questions = new HashSet<>();
        buffer.stream().filter(m -> m.role().equals("user")).forEach(m -> questions.add(m.message()));
        for (int i = 0; i < 25; i++) {
            assertTrue(questions.contains("question A" + i) && questions.contains("question B" + i), "turn " + i);
        }
        List<Long> answers = JSON.readValue(hash.get("answers"), new TypeReference<List<Long>>() {
        });
        assertEquals(50, new HashSet<>(answers).size());
    }

    @Test
    void aWriteBasedOnAnOutdatedReadChangesNothing() throws Exception {
        MemoryStore store = store(MemorySettings.defaults());
        turn(store, "stale", "What is the basic pension?", "A monthly pension for people over 65.");
        String key = MemoryStore.key("stale", room);
        Map<String, String> read = hash("stale");
        turn(store, "stale", "Who pays for it?", "The state and local governments.");
        Map<String, String> newer = hash("stale");

        MemoryHash writer = new MemoryHash(client, Duration.ofMinutes(10));
        assertFalse(writer.write(key, read.get("version"), StoredMemory.EMPTY, List.of(), false),
                "another writer came first");
        assertEquals(newer, hash("stale"));
        assertTrue(writer.write(key, newer.get("version"), StoredMemory.EMPTY, List.of(), false));
        assertEquals("[]", hash("stale").get("messages"));
    }

    @Test
    void theTopicIsReadWithTheMemoryOutlivesSummariesAndGoesWithAReset() throws Exception {
        MemoryStore store = store(MemorySettings.defaults().withMaxTokenLimit(20));
        String key = MemoryStore.key("topic", room);
        ConversationTopic topic = new ConversationTopic("월세", "서울", "마포구", 26, "취준생");
        new MemoryHash(client, Duration.ofMinutes(10)).writeTopic(key, topic).toCompletableFuture().get(5, TimeUnit.SECONDS);
        long ttl = client.getKeys().remainTimeToLive(key);
        assertTrue(ttl > 590_000 && ttl <= 600_000, "a key the topic created expires too: TTL " + ttl);
        assertEquals(topic, store.load("topic", room).topic(), "found before any memory was written");

        turn(store, "topic", "서울 마포구 월세 지원 있어요?", "청년월세 한시 특별지원이 있습니다. 월 최대 20만 원입니다.");
        turn(store, "topic", "그럼 신청은 어떻게 해요?", "복지로에서 온라인으로 신청합니다.");

        assertFalse(hash("topic").get("summary").isBlank(), "the first turn was summarised");
        MemorySnapshot loaded = store.load("topic", room);
        assertEquals(topic, loaded.topic(), "summarising never touches the topic");
        assertTrue(loaded.summary().contains("월세"));

        store.forget("topic", room);
        assertEquals(ConversationTopic.NONE, store.load("topic", room).topic());
    }

    @Test
    void resettingKeepsAnEmptyMemoryThatTheLogDoesNotRefill() throws Exception {
        MemoryStore store = store(MemorySettings.defaults());
        turn(store, "reset", "What is the basic pension?", "A monthly pension for people over 65.");

        store.forget("reset", room);

        Map<String, String> hash = hash("reset");
        assertEquals("", hash.get("summary"));
        assertEquals("[]", hash.get("messages"));
        assertEquals("0", hash.get("tokens"));
        log.question("And who pays for it?");
        assertEquals(MemorySnapshot.EMPTY, store.load("reset", room));
    }

    @Test
    void deletingTheRoomRemovesItsKey() {
        MemoryStore store = store(MemorySettings.defaults());
        turn(store, "gone", "What is the basic pension?", "A monthly pension for people over 65.");
        String key = MemoryStore.key("gone", room);
        assertEquals(1, client.getKeys().countExists(key));

        store.delete("gone", room);

        assertEquals(0, client.getKeys().countExists(key));
    }

    @Test
    void aFlushedKeyIsRebuiltFromTheLogWithoutTheQuestionBeingAnswered() {
        MemoryStore store = store(MemorySettings.defaults());
        turn(store, "flushed", "Can I get both allowances?", "No, only one of them.");
        log.failedAnswer("Partial answ");
        client.getKeys().delete(MemoryStore.key("flushed", room));
        log.question("Which one is larger?");

        MemorySnapshot loaded = store.load("flushed", room);

        assertEquals(List.of(new MemoryMessage("user", "Can I get both allowances?"),
                new MemoryMessage("bot", "No, only one of them.")), loaded.messages());
    }

    @Test
    void aNewConversationStartsEmptyAndItsFirstTurnIsStoredOnce() throws Exception {
        MemoryStore store = store(MemorySettings.defaults());
        log.question("First question?");
        assertEquals(MemorySnapshot.EMPTY, store.load("fresh", room));
        long id = log.answer("First answer.");

        store.remember("fresh", room, id, "First question?", "First answer.");

        assertEquals(2, messages(hash("fresh")).size());
    }

    @Test
    void theModelWritesAProgressiveSummaryInTheConversationsLanguage() throws Exception {
        try (FakeOpenAi openAi = new FakeOpenAi(body -> body.contains("이전 요약") ? "두 번째 요약" : "이전 요약: 사용자가 청년 월세 지원을 물었다.")) {
            var model = dev.langchain4j.model.openai.OpenAiChatModel.builder()
                    .baseUrl(openAi.baseUrl()).apiKey("none").modelName("gpt-4o-mini").maxRetries(0).build();
            MemorySettings settings = MemorySettings.defaults().withMaxTokenLimit(40);
            MemoryStore store = new MemoryStore(client, TOKENS,
                    new ModelSummarizer(model, new ExtractiveSummarizer(TOKENS, 400)), log, settings);

            turn(store, "model", "청년 월세 지원은 얼마인가요?", "월 최대 20만 원을 12개월 동안 지원합니다.");
            turn(store, "model", "신청은 어디서 하나요?", "복지로 누리집이나 주민센터에서 신청합니다.");
            assertEquals("이전 요약: 사용자가 청년 월세 지원을 물었다.", hash("model").get("summary"));
            turn(store, "model", "소득 기준이 있나요?", "원가구 소득이 중위소득 100% 이하여야 합니다.");

            assertEquals("두 번째 요약", hash("model").get("summary"));
            assertEquals(2, openAi.requests().size());
            String first = openAi.requests().get(0);
            assertTrue(first.contains("language the conversation is written in"));
            assertTrue(first.contains("청년 월세 지원은 얼마인가요?"), first);
            assertTrue(openAi.requests().get(1).contains("Current summary:\\n이전 요약"), "progressive: the previous summary goes back in");
            assertTrue(TOKENS.count(messages(hash("model"))) <= 40);
        }
    }
}
