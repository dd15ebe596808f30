package dev.ainfo.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ainfo.testing.Api;
import dev.ainfo.testing.ChatClient;
import dev.ainfo.testing.Deployments;
import dev.ainfo.testing.FakeOpenAi;
import dev.ainfo.testing.FakeOpenAi.Fault;
import dev.ainfo.testing.RedisProcess;
import dev.ainfo.testing.Scrape;
import dev.ainfo.testing.TestKeys;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stop, disconnects, slow readers, model faults and abuse limits, against real servers. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StreamingResilienceIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    // One of 50 concurrent healthy answers was once held up over 20 s on the shared 2-core box;
    // the gap is reported as a number, the test only requires that every answer arrives.
    static final Duration HEALTHY_WAIT = Duration.ofSeconds(60);
    static final FakeOpenAi MODEL = FakeOpenAi.start();
    static final RedisProcess REDIS = RedisProcess.start("resilience");
    static final String BIG = "BIG ANSWER PLEASE";
    static final String SCRAPE_TOKEN = "scrape-" + UUID.randomUUID();

    @ArquillianResource
    URL deployed;

    URI ws;
    Api api;

    @Deployment
    static WebArchive deployment() {
        Map<String, String> config = Deployments.withModel(MODEL, REDIS);
        config.put("ainfo.llm.first-token-timeout", "PT2S");
        config.put("ainfo.llm.idle-timeout", "PT2S");
        config.put("ainfo.llm.max-retries", "2");
        config.put("ainfo.llm.retry-backoff", "PT0.2S");
        config.put("ainfo.ws.send-timeout", "PT3S");
        config.put("ainfo.ws.idle-timeout", "PT6S");
        config.put("ainfo.ws.max-pending-chars", "300000");
        config.put("ainfo.ws.max-sockets-per-user", "3");
        config.put("ainfo.ws.allowed-origins", "http://allowed.test");
        config.put("ainfo.chat.rate", "5");
        config.put("ainfo.chat.rate-interval", "PT1M");
        // Each question makes exactly one model call here, so a scripted fault hits the answer.
        config.put("ainfo.assistant.rewrite-with-model", "false");
        config.put("ainfo.metrics.token", SCRAPE_TOKEN);
        return Deployments.war("resilience", config);
    }

    @AfterAll
    static void stopServers() {
        MODEL.close();
        REDIS.close();
    }

    @BeforeEach
    void setUp() {
        URI http = Api.loopback(deployed);
        ws = Api.webSocketBase(http);
        api = new Api(http).awaitReady(Duration.ofMinutes(5));
        MODEL.reset();
        MODEL.answering(q -> q.equals(BIG) ? Collections.nCopies(400, "가".repeat(500)) : FakeOpenAi.numbered(30));
    }

    record Room(String token, long id) {
    }

    Room room() {
        String token = TestKeys.token("user-" + UUID.randomUUID());
        return new Room(token, api.createRoom(token, "resilience"));
    }

    JsonNode stored(Room room, int index) {
        return api.get("api/rooms/" + room.id() + "/messages", room.token()).json().get(index);
    }

    /** The answer's row exists from the start, as "streaming": it has ended once its status changed. */
    boolean answerEnded(Room room) {
        JsonNode messages = api.get("api/rooms/" + room.id() + "/messages", room.token()).json();
        return messages.size() == 2 && !"streaming".equals(messages.get(1).path("status").asText());
    }

    static void eventually(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    // --- stop and disconnect -------------------------------------------------------------

    @Test
    void stopCancelsTheModelKeepsThePartialAnswerAndFreesTheSocket() {
        Room room = room();
        MODEL.tokenInterval(Duration.ofMillis(100));
        try (ChatClient chat = ChatClient.connect(ws, room.id(), room.token())) {
            chat.next(WAIT);
            chat.ask("멈춰 보세요");
            chat.nextOfType("chunk", WAIT);
            chat.nextOfType("chunk", WAIT);
            chat.stop();
            JsonNode done = chat.nextOfType("done", WAIT);
            assertEquals("stopped", done.path("status").asText());
            String partial = done.path("response").asText();
            assertTrue(partial.startsWith("tok0 tok1 "), partial);
            assertFalse(partial.contains("tok29"), "stopped before the end");
            eventually("the model server sees its connection closed", () -> MODEL.clientDisconnects() >= 1);

            JsonNode bot = stored(room, 1);
            assertEquals("stopped", bot.path("status").asText());
            assertEquals(partial, bot.path("message").asText());

            MODEL.tokenInterval(Duration.ofMillis(5));
            chat.ask("다음 질문");
            JsonNode next = chat.nextOfType("done", WAIT);
            assertEquals("complete", next.path("status").asText(), "the next question is taken at once");
        }
    }

    @Test
    void aDisconnectMidAnswerCancelsUpstreamAndKeepsBothMessages() {
        Room room = room();
        MODEL.tokenInterval(Duration.ofMillis(100));
        ChatClient chat = ChatClient.connect(ws, room.id(), room.token());
        chat.next(WAIT);
        chat.ask("끊어질 질문");
        chat.nextOfType("chunk", WAIT);
        Instant dropped = Instant.now();
        chat.abort();
        eventually("the upstream request is cancelled", () -> MODEL.clientDisconnects() >= 1);
        System.out.printf("upstream cancelled %d ms after the client vanished%n",
                Duration.between(dropped, Instant.now()).toMillis());
        eventually("the partial answer is stored", () -> answerEnded(room));
        assertEquals("stopped", stored(room, 1).path("status").asText());
        assertTrue(stored(room, 1).path("message").asText().startsWith("tok0"));

        try (ChatClient again = ChatClient.connect(ws, room.id(), room.token())) {
            JsonNode history = again.next(WAIT).path("messages");
            assertEquals("끊어질 질문", history.get(0).path("message").asText());
            assertEquals("stopped", history.get(1).path("status").asText());
        }
    }

    // --- model faults ----------------------------------------------------------------------

    @Test
    void overloadedModelIsRetriedHonouringRetryAfter() {
        Room room = room();
        MODEL.failNext(Fault.STATUS_429);
        try (ChatClient chat = ChatClient.connect(ws, room.id(), room.token())) {
            chat.next(WAIT);
            chat.ask("재시도");
            JsonNode done = chat.nextOfType("done", WAIT);
            assertEquals("complete", done.path("status").asText());
        }
        assertEquals(2, MODEL.requests().size(), "one refusal, one retry");
    }

    @Test
    void everyModelFaultBecomesLlmUnavailableAndTheSocketStaysUsable() {
        Room room = room();
        try (ChatClient chat = ChatClient.connect(ws, room.id(), room.token())) {
            chat.next(WAIT);
            int asked = 0;
            for (Fault fault : List.of(Fault.STATUS_503, Fault.NO_FIRST_TOKEN, Fault.STALL_MID_STREAM, Fault.MALFORMED)) {
                MODEL.reset();
                for (int i = 0; i < (fault == Fault.STATUS_503 ? 3 : 1); i++) {
                    MODEL.failNext(fault);
                }
                chat.ask("고장 " + fault);
                asked++;
                JsonNode error = chat.nextOfType("error", WAIT);
                assertEquals("llm_unavailable", error.path("code").asText(), fault.name());
                JsonNode bot = stored(room, 2 * asked - 1);
                assertEquals("failed", bot.path("status").asText(), fault.name());
                if (fault == Fault.STALL_MID_STREAM || fault == Fault.MALFORMED) {
                    assertTrue(bot.path("message").asText().startsWith("tok0"), "partial kept for " + fault);
                }
            }
        }
        // The socket was closed normally above; a new question on a fresh socket still works.
        MODEL.reset();
        try (ChatClient chat = ChatClient.connect(ws, room.id(), room.token())) {
            chat.next(WAIT);
            chat.ask("이제 괜찮나요?");
            assertEquals("complete", chat.nextOfType("done", WAIT).path("status").asText());
        }
    }

    @Test
    void aRefusedConnectionIsLlmUnavailable() {
        Room room = room();
        try (ChatClient chat = ChatClient.connect(ws, room.id(), room.token())) {
            chat.next(WAIT);
            MODEL.stopListening();
            try {
                chat.ask("아무도 없나요?");
                assertEquals("llm_unavailable", chat.nextOfType("error", WAIT).path("code").asText());
            } finally {
                MODEL.listenAgain();
            }
            chat.ask("돌아왔나요?");
            assertEquals("complete", chat.nextOfType("done", WAIT).path("status").asText());
        }
        assertEquals("failed", stored(room, 1).path("status").asText());
    }

    // --- metrics ----------------------------------------------------------------------------

    @Test
    void metricsMoveThroughAStopAModelFailureAndADeclinedAnswer() {
        URI base = Api.loopback(deployed);
        Scrape before = Scrape.of(base);
        assertEquals(200, before.status(), before.text());
        assertTrue(before.contentType().startsWith("text/plain"), before.contentType());
        Room room = room();
        Scrape during;
        try (ChatClient chat = ChatClient.connect(ws, room.id(), room.token())) {
            chat.next(WAIT);
            MODEL.tokenInterval(Duration.ofMillis(100));
            chat.ask("멈춰 보세요");
            chat.nextOfType("chunk", WAIT);
            chat.stop();
            assertEquals("stopped", chat.nextOfType("done", WAIT).path("status").asText());

            MODEL.tokenInterval(Duration.ofMillis(5));
            for (int i = 0; i < 3; i++) {
                MODEL.failNext(Fault.STATUS_503);
            }
            chat.ask("고장 나 보세요");
            assertEquals("llm_unavailable", chat.nextOfType("error", WAIT).path("code").asText());

            chat.ask("xyzzy plugh frobnicate quux");
            JsonNode declined = chat.nextOfType("done", WAIT);
            assertEquals("complete", declined.path("status").asText());
            assertEquals(0, declined.path("sources").size(), "no record covers it: " + declined);
            during = Scrape.of(base);
        }
        assertTrue(during.value("ainfo_sockets_open") >= 1, "an open socket is counted");
        Scrape after = Scrape.of(base);
        assertEquals(3, delta(before, after, "ainfo_questions_total"));
        assertEquals(1, delta(before, after, "ainfo_answers_interrupted_total", "reason=\"stop\""));
        assertTrue(delta(before, after, "ainfo_answer_duration_seconds_count", "status=\"stopped\"") >= 1);
        assertEquals(1, delta(before, after, "ainfo_answer_duration_seconds_count", "status=\"failed\""));
        assertEquals(1, delta(before, after, "ainfo_answer_duration_seconds_count", "status=\"complete\""));
        assertEquals(1, delta(before, after, "ainfo_answers_declined_total"));
        assertEquals(2, delta(before, after, "ainfo_model_retries_total"));
        assertEquals(1, delta(before, after, "ainfo_model_failures_total", "cause=\"server_error\""));
        assertEquals(1, delta(before, after, "ainfo_model_failures_total"));
        assertEquals(1, delta(before, after, "ainfo_error_frames_total", "code=\"llm_unavailable\""));
        assertEquals(2, delta(before, after, "ainfo_first_chunk_seconds_count"));
        assertEquals(2, delta(before, after, "ainfo_model_first_token_seconds_count"));
        assertEquals(3, delta(before, after, "ainfo_retrieval_seconds_count"));
        assertTrue(delta(before, after, "ainfo_tokens_streamed_total") >= 31, "the declined answer's 30 pieces and the stopped one's");
        assertEquals(0, after.value("ainfo_redis_degraded"));
        // GC pauses and process CPU need com.sun.management: on WildFly through jboss-deployment-structure.xml.
        for (String basic : List.of("jvm_gc_pause_seconds_count", "process_cpu_usage", "jvm_memory_used_bytes", "jvm_threads_live_threads", "ainfo_workers_running", "ainfo_memory_updates_pending", "executor_queued_tasks",
                "ainfo_answers_in_flight", "ainfo_sockets_capacity", "ainfo_first_chunk_seconds_bucket")) {
            assertTrue(after.has(basic), basic + " is exported");
        }
        eventually("the closed socket is no longer counted",
                () -> Scrape.of(base).value("ainfo_sockets_open") <= during.value("ainfo_sockets_open") - 1);
    }

    @Test
    void metricsAreServedOnlyToLoopbackOrTheScrapeToken() {
        URI base = Api.loopback(deployed);
        assertEquals(403, Scrape.of(base, "X-Forwarded-For", "203.0.113.9").status(), "a proxied request is not loopback");
        assertEquals(403, Scrape.of(base, "X-Forwarded-For", "203.0.113.9", "Authorization", basic("wrong")).status());
        Scrape withToken = Scrape.of(base, "X-Forwarded-For", "203.0.113.9", "Authorization", basic(SCRAPE_TOKEN));
        assertEquals(200, withToken.status());
        assertTrue(withToken.has("ainfo_questions_total"));
    }

    static String basic(String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("prometheus:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    // --- limits -----------------------------------------------------------------------------

    @Test
    void aFrameOver64KibClosesWith1009() {
        Room room = room();
        try (ChatClient chat = ChatClient.connect(ws, room.id(), room.token())) {
            chat.next(WAIT);
            chat.send("{\"message\":\"" + "a".repeat(70_000) + "\"}");
            assertEquals(1009, chat.awaitClose(WAIT));
        }
    }

    @Test
    void questionsOverTheRateAreRefused() {
        Room room = room();
        MODEL.tokenInterval(Duration.ZERO);
        try (ChatClient chat = ChatClient.connect(ws, room.id(), room.token())) {
            chat.next(WAIT);
            for (int i = 0; i < 5; i++) {
                chat.ask("질문 " + i);
                assertEquals("done", chat.nextOfType("done", WAIT).path("type").asText());
            }
            chat.ask("하나 더");
            assertEquals("rate_limited", chat.nextOfType("error", WAIT).path("code").asText());
        }
    }

    @Test
    void socketsPerUserAreCapped() {
        String token = TestKeys.token("user-" + UUID.randomUUID());
        long id = api.createRoom(token, "many");
        List<ChatClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ChatClient client = ChatClient.connect(ws, id, token);
                assertEquals("history", client.next(WAIT).path("type").asText());
                clients.add(client);
            }
            ChatClient fourth = ChatClient.connect(ws, id, token);
            clients.add(fourth);
            assertEquals(1008, fourth.awaitClose(WAIT));
            assertTrue(fourth.received().isEmpty(), "no frame before the close");
        } finally {
            clients.forEach(ChatClient::close);
        }
    }

    @Test
    void foreignOriginsAreRefused() {
        Room room = room();
        URI uri = ws.resolve("ws/chat/" + room.id() + "?token=" + room.token());
        assertEquals(403, ChatClient.refusalStatus(uri, Map.of("Origin", "http://evil.test")));
        assertEquals(-1, ChatClient.refusalStatus(uri, Map.of("Origin", "http://allowed.test")));
    }

    @Test
    void aSessionIsClosedWhenItsTokenExpiresAndItsAnswerIsStoredFirst() {
        String user = "user-" + UUID.randomUUID();
        long id = api.createRoom(TestKeys.token(user), "expiring");
        String shortLived = TestKeys.sign(TestKeys.claims(user, Instant.now(), Duration.ofSeconds(4)).build(), TestKeys.RSA);
        MODEL.tokenInterval(Duration.ofMillis(300));
        try (ChatClient chat = ChatClient.connect(ws, id, shortLived)) {
            chat.next(WAIT);
            chat.ask("천천히 답해 주세요");
            chat.nextOfType("chunk", WAIT);
            assertEquals(1008, chat.awaitClose(WAIT));
        }
        JsonNode messages = api.get("api/rooms/" + id + "/messages", TestKeys.token(user)).json();
        assertEquals(2, messages.size());
        assertEquals("stopped", messages.get(1).path("status").asText());
    }

    @Test
    void aSilentSocketIsClosedAfterTheIdleTimeoutCountedFromItsLastFrame() throws Exception {
        MODEL.tokenInterval(Duration.ofMillis(20));
        Room room = room();
        try (ChatClient chat = ChatClient.connect(ws, room.id(), room.token())) {
            chat.next(WAIT);
            Thread.sleep(4_000);
            chat.ask("짧은 질문");
            chat.nextOfType("done", WAIT);
            long lastFrame = System.nanoTime();
            assertFalse(chat.isClosed(), "a socket in use is not idle");
            assertEquals(1000, chat.awaitClose(WAIT));
            long silentMillis = (System.nanoTime() - lastFrame) / 1_000_000;
            assertTrue(silentMillis >= 5_500, "closed " + silentMillis + " ms after the last frame, before the 6 s timeout");
        }
        JsonNode messages = api.get("api/rooms/" + room.id() + "/messages", room.token()).json();
        assertEquals(2, messages.size(), "the conversation is kept");
    }

    // --- slow readers -----------------------------------------------------------------------

    @Test
    void aStalledReaderIsClosedAndDoesNotSlowHealthySessions() throws Exception {
        MODEL.tokenInterval(Duration.ofMillis(20));
        double[] baseline = healthyChunkLatencies(50);

        Room stalledRoom = room();
        ChatClient stalled = ChatClient.connect(ws.resolve("ws/chat/" + stalledRoom.id() + "?token=" + stalledRoom.token()), Map.of(), false);
        stalled.request(1); // reads the history frame, then nothing
        stalled.ask(BIG);
        Thread.sleep(500);
        double[] beside = healthyChunkLatencies(50);

        eventually("its answer is stored as stopped", () -> answerEnded(stalledRoom));
        assertEquals("stopped", stored(stalledRoom, 1).path("status").asText());
        stalled.request(Long.MAX_VALUE); // now read what was queued: the server's close comes last
        // A close frame queued behind unread data may never leave: once its write times out, the
        // server drops the connection, which is just as much an end of the stalled session.
        int code = stalled.awaitClose(WAIT);
        assertTrue(code == 1008 || code == ChatClient.ABNORMAL_CLOSURE,
                "closed by the server, got " + code + " " + stalled.failure());
        System.out.printf("slow-reader test: healthy chunk gap mean %.1f ms p95 %.1f ms alone; mean %.1f ms p95 %.1f ms beside a stalled reader%n",
                baseline[0], baseline[1], beside[0], beside[1]);
    }

    /** Mean and p95 of the gaps between chunks seen by n concurrent healthy sessions. */
    double[] healthyChunkLatencies(int sessions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                results.add(pool.submit(() -> {
                    Room room = room();
                    try (ChatClient chat = ChatClient.connect(ws, room.id(), room.token())) {
                        chat.next(WAIT);
                        List<Long> gaps = new ArrayList<>();
                        long last = System.nanoTime();
                        chat.ask("건강한 질문");
                        while (true) {
                            JsonNode frame = chat.next(HEALTHY_WAIT);
                            long now = System.nanoTime();
                            gaps.add(now - last);
                            last = now;
                            if (!"chunk".equals(frame.path("type").asText())) {
                                assertEquals("done", frame.path("type").asText(), frame.toString());
                                return gaps;
                            }
                        }
                    }
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }
            Collections.sort(all);
            double mean = all.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
            double p95 = all.get((int) (all.size() * 0.95)) / 1e6;
            return new double[] {mean, p95};
        } finally {
            pool.shutdownNow();
        }
    }
}
