package dev.ainfo.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.ainfo.auth.TokenMatrix;
import dev.ainfo.platform.boundary.ApiDocumentCheck;
import dev.ainfo.testing.Api;
import dev.ainfo.testing.ChatClient;
import dev.ainfo.testing.Deployments;
import dev.ainfo.testing.FakeOpenAi;
import dev.ainfo.testing.LogCapture;
import dev.ainfo.testing.RedisProcess;
import dev.ainfo.testing.TestKeys;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chat core against real Payara Micro, a real redis-server and the real langchain4j OpenAI
 * client talking to a local OpenAI-compatible server: handshake security, REST rooms, streaming.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatCoreIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final FakeOpenAi MODEL = FakeOpenAi.start();
    static final RedisProcess REDIS = RedisProcess.start("chat-core");

    @ArquillianResource
    URL deployed;

    URI http;
    URI ws;
    Api api;

    @Deployment
    static WebArchive deployment() {
        Map<String, String> config = Deployments.withModel(MODEL, REDIS);
        config.put("ainfo.llm.model", "gpt-4o-mini");
        return Deployments.war("chat-core", config);
    }

    @AfterAll
    static void stopServers() {
        MODEL.close();
        REDIS.close();
    }

    @BeforeEach
    void connect() {
        http = Api.loopback(deployed);
        ws = Api.webSocketBase(http);
        api = new Api(http).awaitReady(Duration.ofMinutes(5));
        MODEL.reset();
    }

    static String user() {
        return "user-" + UUID.randomUUID();
    }

    // --- operations: OpenAPI, protocol text, logs ------------------------------------------

    @Test
    void theOpenApiDocumentDescribesEveryResourceMethodAndTheProtocolIsServed() throws Exception {
        ApiDocumentCheck.everyResourceMethodIsDescribed(http);
        ApiDocumentCheck.protocolIsServed(http);
    }

    @Test
    void logLinesAreJsonWithTheConversationsIdsAndNeverItsTextOrToken() throws Exception {
        String user = user();
        String token = TestKeys.token(user);
        String question = "secretquestion" + UUID.randomUUID().toString().replace("-", "") + " 월세 지원";
        String answer = "secretanswer" + UUID.randomUUID().toString().replace("-", "");
        MODEL.answering(q -> List.of(answer, " 끝"));
        long room = api.createRoom(token, "logs");
        try (LogCapture log = LogCapture.start()) {
            try (ChatClient chat = ChatClient.connect(ws, room, token)) {
                chat.next(WAIT);
                chat.ask(question);
                assertTrue(chat.nextOfType("done", WAIT).path("response").asText().startsWith(answer));
            }
            assertEquals(401, ChatClient.refusalStatus(ws.resolve("ws/chat/" + room + "?token=" + token + "x"), Map.of()));
            String line = log.await("\"user\":\"" + user + "\"", WAIT);
            JsonNode ended = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            assertEquals("dev.ainfo.chat.control.Answer", ended.path("logger").asText(), line);
            assertEquals(room, ended.path("room").asLong(), line);
            assertTrue(ended.path("event").asText().startsWith("answer complete"), line);
            for (String field : List.of("time", "level", "socket", "request")) {
                assertFalse(ended.path(field).asText().isBlank(), field + " in " + line);
            }
            log.await("handshake refused", WAIT);
            String text = log.text();
            assertFalse(text.contains(question.substring(0, 40)), "the question reached the log");
            assertFalse(text.contains(answer), "the answer reached the log");
            assertFalse(text.contains(token.substring(token.lastIndexOf('.') + 1)), "the token reached the log");
        }
    }

    // --- handshake security ---------------------------------------------------------------

    @Test
    void everyBadHandshakeIsRefusedBeforeAnyFrame() {
        String owner = user();
        long room = api.createRoom(TestKeys.token(owner), "mine");
        Instant now = Instant.now();
        JWTClaimsSet valid = TestKeys.claims(owner, now, Duration.ofHours(1)).build();
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("", 401);
        expected.put("garbage", 401);
        expected.put(TestKeys.unsigned(valid), 401);
        expected.put(TestKeys.hs256WithPublicKey(valid), 401);
        expected.put(TestKeys.sign(valid, TestKeys.OTHER_RSA), 401);
        expected.put(TestKeys.sign(TestKeys.claims(owner, now.minus(Duration.ofHours(2)), Duration.ofHours(1)).build(), TestKeys.RSA), 401);
        expected.put(TestKeys.sign(TestKeys.claims(owner, now, Duration.ofHours(1)).notBeforeTime(java.util.Date.from(now.plus(Duration.ofHours(1)))).build(), TestKeys.RSA), 401);
        expected.put(TestKeys.sign(TestKeys.claims(owner, now, Duration.ofHours(1)).issuer("https://evil.test").build(), TestKeys.RSA), 401);
        expected.put(TestKeys.signEs256(valid), 401); // a valid signature by a key nobody configured
        expected.put(TestKeys.token(user()), 403); // someone else's room
        expected.forEach((token, status) -> assertEquals(status,
                ChatClient.refusalStatus(ws.resolve("ws/chat/" + room + "?token=" + token), Map.of()),
                "token " + token));
    }

    @Test
    void badRoomIdsAreRefusedLikeForeignRooms() {
        String token = TestKeys.token(user());
        for (String id : List.of("0", "-1", "abc", "99999999999999999999", "1.5", "999999999")) {
            int status = ChatClient.refusalStatus(ws.resolve("ws/chat/" + id + "?token=" + token), Map.of());
            // 403 from the handshake check; an encoded NUL is already refused by the HTTP layer (400).
            assertTrue(status == 403 || status == 400 && id.contains("%00"), id + " -> " + status);
        }
    }

    @Test
    void bearerHeaderAndTrailingSlashAreAccepted() {
        String owner = user();
        String token = TestKeys.token(owner);
        long room = api.createRoom(token, "headers");
        try (ChatClient chat = ChatClient.connect(ws.resolve("ws/chat/" + room), Map.of("Authorization", "Bearer " + token), true)) {
            assertEquals("history", chat.next(WAIT).path("type").asText());
        }
        try (ChatClient chat = ChatClient.connect(ws.resolve("ws/chat/" + room + "/?token=" + token), Map.of(), true)) {
            assertEquals("history", chat.next(WAIT).path("type").asText());
        }
    }

    // --- one security boundary: REST and the socket judge alike (issue 14) ------------------

    @Test
    void oneTokenMatrixOpensRestAndTheSocketAlike() {
        String owner = user();
        long room = api.createRoom(TestKeys.token(owner), "matrix");
        List<String> wrong = new ArrayList<>();
        for (TokenMatrix.Case c : TokenMatrix.cases(owner)) {
            int rest = api.get("api/rooms/" + room, c.token()).status();
            int profile = api.get("api/profile", c.token()).status();
            int query = ChatClient.refusalStatus(ws.resolve("ws/chat/" + room + "?token=" + c.token()), Map.of());
            int header = ChatClient.refusalStatus(ws.resolve("ws/chat/" + room), Map.of("Authorization", "Bearer " + c.token()));
            List<Integer> expected = c.accepted() ? List.of(200, 200, -1, -1) : List.of(401, 401, 401, 401);
            if (!expected.equals(List.of(rest, profile, query, header))) {
                wrong.add(c + ": REST " + rest + " (room) " + profile + " (profile), socket " + query + " (query) "
                        + header + " (header)");
            }
        }
        assertEquals(List.of(), wrong, "REST status, socket refusal (-1 = opened)");
    }

    @Test
    void encodedAndNonCanonicalRoomIdsAreRefusedEvenForTheOwnersRoom() {
        String token = TestKeys.token(user());
        long room = api.createRoom(token, "own");
        assertEquals(-1, ChatClient.refusalStatus(ws.resolve("ws/chat/" + room + "?token=" + token), Map.of()));
        for (String id : List.of("%2e%2e%2f" + room, "..%2f" + room, "%2E%2E%2F" + room, "0" + room, "%2B" + room,
                "+" + room, room + "%00", room + "%20", "%3" + String.valueOf(room).charAt(0) + String.valueOf(room).substring(1))) {
            int status = ChatClient.refusalStatus(ws.resolve("ws/chat/" + id + "?token=" + token), Map.of());
            // 403 from the handshake check; an encoded NUL is already refused by the HTTP layer (400).
            assertTrue(status == 403 || status == 400 && id.contains("%00"), id + " -> " + status);
        }
    }

    @Test
    void malformedRestBodiesAreBadRequestsAndTheServerCarriesOn() {
        String token = TestKeys.token(user());
        long room = api.createRoom(token, "bodies");
        for (String body : List.of("{\"title\":\"x\"", "[]", "[{\"title\":\"x\"}]", "{\"title\":{}}",
                "{\"title\":[\"x\"]}", "not json", "{\"title\":\"x\"}}")) {
            for (Api.Reply reply : List.of(api.post("api/rooms", token, body), api.patch("api/rooms/" + room, token, body))) {
                assertEquals(400, reply.status(), body + " -> " + reply.body());
                assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
                assertEquals(400, reply.json().path("status").asInt());
            }
        }
        assertEquals("bodies", api.get("api/rooms/" + room, token).json().path("title").asText());
        assertEquals(1, api.get("api/rooms", token).json().size(), "no room was made from a bad body");
    }

    @Test
    void socketsOpenFromThePagesOwnOriginOnlyUnlessOthersAreListed() {
        String token = TestKeys.token(user());
        long room = api.createRoom(token, "origins");
        URI uri = ws.resolve("ws/chat/" + room + "?token=" + token);
        assertEquals(-1, ChatClient.refusalStatus(uri, Map.of("Origin", "http://127.0.0.1:" + http.getPort())));
        assertEquals(403, ChatClient.refusalStatus(uri, Map.of("Origin", "http://evil.example")));
        assertEquals(403, ChatClient.refusalStatus(uri, Map.of("Origin", "http://127.0.0.1:" + (http.getPort() + 1))));
        assertEquals(403, ChatClient.refusalStatus(uri, Map.of("Origin", "null")));
        // No Origin (not a browser): the token alone decides.
        assertEquals(-1, ChatClient.refusalStatus(uri, Map.of()));
        assertEquals(401, ChatClient.refusalStatus(ws.resolve("ws/chat/" + room), Map.of()));
    }

    // --- streaming and storage ------------------------------------------------------------

    @Test
    void aFollowUpIsRewrittenByTheModelBeforeRetrievalAndAStandaloneQuestionIsNot() {
        String user = user();
        String token = TestKeys.token(user);
        long room = api.createRoom(token, "follow-up");
        // The rewrite names another topic than the first turn, so the sources show which query was searched.
        MODEL.answering(q -> q.contains("Latest user message") ? List.of("제대군인 ", "전직", "지원금") : List.of("답변입니다."));
        try (ChatClient chat = ChatClient.connect(ws, room, token)) {
            chat.next(WAIT);
            chat.ask("서울 청년 월세 지원 알려줘");
            assertEquals("done", chat.nextOfType("done", WAIT).path("type").asText());
            // Asked at once: the memory update may not have run, yet the turn must be in the conversation.
            int before = MODEL.requests().size();

            chat.ask("그럼 신청은 어떻게 해요?");
            JsonNode done = chat.nextOfType("done", WAIT);
            List<JsonNode> calls = MODEL.requests().subList(before, MODEL.requests().size());
            assertEquals(2, calls.size(), "a rewrite, then the answer");
            String rewrite = calls.get(0).toString();
            assertTrue(rewrite.contains("standalone search query"), rewrite);
            assertTrue(rewrite.contains("서울 청년 월세 지원 알려줘") && rewrite.contains("그럼 신청은 어떻게 해요?"), rewrite);
            JsonNode sources = done.path("sources");
            assertTrue(sources.size() > 0, done.toString());
            assertTrue(sources.toString().contains("제대군인 전직지원금") && !sources.toString().contains("월세"),
                    "retrieved for the rewritten query, not the carried-forward one: " + sources);

            int beforeStandalone = MODEL.requests().size();
            chat.ask("부산 청년 취업 지원 프로그램 알려줘");
            assertEquals("done", chat.nextOfType("done", WAIT).path("type").asText());
            assertEquals(1, MODEL.requests().size() - beforeStandalone, "no rewrite for a question that stands alone");
        }
    }

    /**
     * Issue 13: with the default memory limit one long answer empties the buffer into the summary; the
     * conversation's topic, region and age are kept beside it, so the follow-up stays on 대전 월세 both when
     * the model rewrites it (it is told the topic) and when that rewrite fails (carried as offline).
     */
    @Test
    void aFollowUpKeepsTheTopicAfterALongAnswerFilledTheBuffer() {
        String token = TestKeys.token(user());
        long room = api.createRoom(token, "follow-up topic");
        // 400 tokens fill the buffer; at the default 20 ms each an answer took 8 s of its 20 s wait, too close under load.
        MODEL.tokenInterval(Duration.ofMillis(2));
        MODEL.answering(q -> q.contains("New summary:") ? List.of("사용자가 지원 정책을 물었다.")
                : q.contains("Latest user message") ? List.of("대전 청년 월세 지원 신청 방법") : FakeOpenAi.numbered(400));
        try (ChatClient chat = ChatClient.connect(ws, room, token)) {
            chat.next(WAIT);
            chat.ask("대전 사는 25살인데 월세 지원 받을 수 있어요?");
            JsonNode first = chat.nextOfType("done", WAIT);
            assertTrue(first.path("sources").toString().contains("월세"), first.path("sources").toString());

            int before = MODEL.requests().size();
            chat.ask("그럼 신청은 어떻게 해요?");
            JsonNode byModel = chat.nextOfType("done", WAIT);
            // The first answer's memory summary may reach the model after `before`: pick the rewrite.
            String rewrite = MODEL.requests().subList(before, MODEL.requests().size()).stream().map(Object::toString)
                    .filter(r -> r.contains("Latest user message")).findFirst().orElse("no rewrite request");
            assertTrue(rewrite.contains("Topic so far: 월세"), "the model is told the topic: " + rewrite);
            assertTrue(byModel.path("sources").toString().contains("월세"), byModel.path("sources").toString());

            MODEL.failNext(FakeOpenAi.Fault.MALFORMED);
            chat.ask("그거 서류는 뭐가 필요해요?");
            JsonNode carried = chat.nextOfType("done", WAIT);
            JsonNode sources = carried.path("sources");
            assertTrue(sources.size() > 0, "not declined: " + carried);
            assertTrue(sources.get(0).toString().contains("월세"), "the rewrite failed, the topic was carried: " + sources);
        }
    }

    @Test
    void chunksArePacedButTheirTextIsWhole() {
        String token = TestKeys.token(user());
        long room = api.createRoom(token, "paced");
        MODEL.tokenInterval(Duration.ofMillis(2));
        MODEL.answering(q -> FakeOpenAi.numbered(100));
        try (ChatClient chat = ChatClient.connect(ws, room, token)) {
            chat.next(WAIT);
            chat.ask("빠른 답");
            List<JsonNode> frames = chat.untilEnd(WAIT);
            JsonNode done = frames.get(frames.size() - 1);
            StringBuilder chunks = new StringBuilder();
            frames.subList(0, frames.size() - 1).forEach(f -> chunks.append(f.path("response").asText()));
            assertEquals(String.join("", FakeOpenAi.numbered(100)), done.path("response").asText());
            assertEquals(chunks.toString(), done.path("response").asText());
            // 100 tokens in about 0.2 s, chunk interval 50 ms: a handful of frames, not one per token.
            assertTrue(frames.size() - 1 < 50, (frames.size() - 1) + " chunk frames for 100 tokens");
        }
    }

    @Test
    void chunksConcatenateToTheDoneFrameAndEverythingIsStoredInOrder() {
        String token = TestKeys.token(user());
        long room = api.createRoom(token, "stream");
        MODEL.answering(q -> List.of("청년 ", "월세 ", "지원은 ", "이렇습니다."));
        try (ChatClient chat = ChatClient.connect(ws, room, token)) {
            JsonNode history = chat.next(WAIT);
            assertEquals("history", history.path("type").asText());
            assertEquals(0, history.path("messages").size());

            chat.ask("서울 월세 지원 있어요?");
            List<JsonNode> frames = chat.untilEnd(WAIT);
            JsonNode done = frames.get(frames.size() - 1);
            assertEquals("done", done.path("type").asText(), frames.toString());
            StringBuilder chunks = new StringBuilder();
            for (JsonNode frame : frames.subList(0, frames.size() - 1)) {
                assertEquals("chunk", frame.path("type").asText());
                assertTrue(frame.path("is_streaming").asBoolean());
                chunks.append(frame.path("response").asText());
            }
            assertTrue(frames.size() >= 2, "at least one chunk before done");
            assertEquals("청년 월세 지원은 이렇습니다.", done.path("response").asText());
            assertEquals(chunks.toString(), done.path("response").asText());
            assertFalse(done.path("is_streaming").asBoolean());
            assertEquals("complete", done.path("status").asText());
            assertTrue(done.path("messageId").asLong() > 0);
        }
        // The model really received the question through the OpenAI wire format.
        JsonNode request = MODEL.requests().get(MODEL.requests().size() - 1);
        assertTrue(request.path("stream").asBoolean());
        assertTrue(request.toString().contains("서울 월세 지원 있어요?"));

        JsonNode stored = api.get("api/rooms/" + room + "/messages", token).json();
        assertEquals(2, stored.size());
        assertEquals("user", stored.get(0).path("role").asText());
        assertEquals("서울 월세 지원 있어요?", stored.get(0).path("message").asText());
        assertEquals("bot", stored.get(1).path("role").asText());
        assertEquals("청년 월세 지원은 이렇습니다.", stored.get(1).path("message").asText());
        assertEquals("complete", stored.get(1).path("status").asText());
    }

    @Test
    void historyIsReplayedAfterAReconnect() {
        String token = TestKeys.token(user());
        long room = api.createRoom(token, "history");
        try (ChatClient chat = ChatClient.connect(ws, room, token)) {
            chat.next(WAIT);
            for (String question : List.of("첫 질문", "두 번째 질문")) {
                chat.ask(question);
                assertEquals("done", last(chat.untilEnd(WAIT)).path("type").asText());
            }
        }
        try (ChatClient again = ChatClient.connect(ws, room, token)) {
            JsonNode history = again.next(WAIT);
            assertEquals("history", history.path("type").asText());
            List<String> lines = new ArrayList<>();
            history.path("messages").forEach(m -> lines.add(m.path("role").asText() + ":" + m.path("message").asText()));
            assertEquals(4, lines.size(), lines.toString());
            assertEquals("user:첫 질문", lines.get(0));
            assertTrue(lines.get(1).startsWith("bot:tok0"));
            assertEquals("user:두 번째 질문", lines.get(2));
            assertTrue(lines.get(3).startsWith("bot:tok0"));
            assertNull(again.poll(Duration.ofMillis(300)), "exactly one history frame on open");
        }
    }

    @Test
    void invalidFramesGetErrorFramesAndTheSessionStaysUsable() {
        String token = TestKeys.token(user());
        long room = api.createRoom(token, "errors");
        try (ChatClient chat = ChatClient.connect(ws, room, token)) {
            chat.next(WAIT);
            chat.send("not json");
            assertEquals("invalid_json", chat.next(WAIT).path("code").asText());
            chat.send("[1,2]");
            assertEquals("invalid_json", chat.next(WAIT).path("code").asText());
            chat.send("{\"message\":\"   \"}");
            assertEquals("invalid_message", chat.next(WAIT).path("code").asText());
            chat.send("{\"message\":42}");
            assertEquals("invalid_message", chat.next(WAIT).path("code").asText());
            chat.send("{\"foo\":\"bar\"}");
            assertEquals("invalid_message", chat.next(WAIT).path("code").asText());
            chat.ask("가".repeat(2001));
            JsonNode tooLong = chat.next(WAIT);
            assertEquals("error", tooLong.path("type").asText());
            assertEquals("message_too_long", tooLong.path("code").asText());

            chat.ask("이제 제대로 물어볼게요");
            assertEquals("done", last(chat.untilEnd(WAIT)).path("type").asText());
        }
        assertEquals(2, api.get("api/rooms/" + room + "/messages", token).json().size(), "rejected frames store nothing");
    }

    @Test
    void aSecondQuestionWhileStreamingIsBusy() {
        String token = TestKeys.token(user());
        long room = api.createRoom(token, "busy");
        MODEL.tokenInterval(Duration.ofMillis(50));
        try (ChatClient chat = ChatClient.connect(ws, room, token)) {
            chat.next(WAIT);
            chat.ask("하나");
            chat.nextOfType("chunk", WAIT);
            chat.ask("둘");
            assertEquals("busy", chat.nextOfType("error", WAIT).path("code").asText());
            assertEquals("done", chat.nextOfType("done", WAIT).path("type").asText());
            chat.ask("셋");
            assertEquals("done", last(chat.untilEnd(WAIT)).path("type").asText());
        }
    }

    // --- REST -----------------------------------------------------------------------------

    @Test
    void restRoomsBelongToTheirOwner() {
        String alice = TestKeys.token(user());
        String mallory = TestKeys.token(user());
        long room = api.createRoom(alice, "alice's");

        for (Api.Reply reply : List.of(api.get("api/rooms/" + room, mallory),
                api.get("api/rooms/" + room + "/messages", mallory),
                api.patch("api/rooms/" + room, mallory, "{\"title\":\"mine now\"}"),
                api.delete("api/rooms/" + room, mallory),
                api.get("api/rooms/" + Long.MAX_VALUE, alice))) {
            assertEquals(404, reply.status(), reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
            assertEquals(404, reply.json().path("status").asInt());
        }
        assertEquals(0, api.get("api/rooms", mallory).json().size());
        assertEquals("alice's", api.get("api/rooms/" + room, alice).json().path("title").asText());
    }

    @Test
    void restRoomLifecycle() {
        String token = TestKeys.token(user());
        Api.Reply created = api.post("api/rooms", token, "{}");
        assertEquals(201, created.status());
        assertTrue(created.raw().headers().firstValue("Location").orElseThrow().endsWith("/api/rooms/" + created.json().path("id").asLong()));
        assertEquals("새 채팅", created.json().path("title").asText());
        long room = created.json().path("id").asLong();
        long newer = api.createRoom(token, "newer");

        JsonNode list = api.get("api/rooms", token).json();
        assertEquals(newer, list.get(0).path("id").asLong(), "newest first");
        assertEquals(room, list.get(1).path("id").asLong());

        assertEquals("renamed", api.patch("api/rooms/" + room, token, "{\"title\":\"renamed\"}").json().path("title").asText());
        Api.Reply tooLong = api.patch("api/rooms/" + room, token, "{\"title\":\"" + "x".repeat(101) + "\"}");
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.contentType().startsWith("application/problem+json"));

        assertEquals(204, api.delete("api/rooms/" + room, token).status());
        assertEquals(404, api.get("api/rooms/" + room, token).status());
        assertEquals(403, ChatClient.refusalStatus(ws.resolve("ws/chat/" + room + "?token=" + token), Map.of()));
    }

    @Test
    void restRefusesMissingAndForgedTokens() {
        Api.Reply anonymous = api.get("api/rooms", null);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.contentType().startsWith("application/problem+json"));
        JWTClaimsSet claims = TestKeys.claims(user(), Instant.now(), Duration.ofHours(1)).build();
        assertEquals(401, api.get("api/rooms", TestKeys.unsigned(claims)).status());
        assertEquals(401, api.get("api/rooms", TestKeys.sign(claims, TestKeys.OTHER_RSA)).status());
    }

    @Test
    void messagesArePagedOldestFirst() {
        String token = TestKeys.token(user());
        long room = api.createRoom(token, "pages");
        MODEL.answering(q -> List.of("답: " + q));
        try (ChatClient chat = ChatClient.connect(ws, room, token)) {
            chat.next(WAIT);
            for (int i = 1; i <= 3; i++) {
                chat.ask("질문 " + i);
                chat.untilEnd(WAIT);
            }
        }
        JsonNode all = api.get("api/rooms/" + room + "/messages", token).json();
        assertEquals(6, all.size());
        JsonNode lastTwo = api.get("api/rooms/" + room + "/messages?limit=2", token).json();
        assertEquals("질문 3", lastTwo.get(0).path("message").asText());
        assertEquals("답: 질문 3", lastTwo.get(1).path("message").asText());
        long before = lastTwo.get(0).path("id").asLong();
        JsonNode older = api.get("api/rooms/" + room + "/messages?limit=2&before=" + before, token).json();
        assertEquals("질문 2", older.get(0).path("message").asText());
        assertEquals("답: 질문 2", older.get(1).path("message").asText());
        assertEquals(400, api.get("api/rooms/" + room + "/messages?limit=0", token).status());
    }

    // --- profile (issue 13) ------------------------------------------------------------------

    @Test
    void aProfileRoundTripsAndOnlyItsOwnerSeesIt() {
        String alice = TestKeys.token(user());
        String bob = TestKeys.token(user());
        int thisYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).getYear();
        Api.Reply empty = api.get("api/profile", alice);
        assertEquals(200, empty.status(), empty.body());
        assertTrue(empty.json().path("age").isNull());
        assertEquals(0, empty.json().path("interests").size());

        Api.Reply saved = api.put("api/profile", alice, "{\"age\": 26, \"province\": \"서울특별시\", \"district\": \"마포구\","
                + " \"status\": \"JOB_SEEKER\", \"interests\": [\" 주거 \", \"취업\", \"주거\"]}");
        assertEquals(200, saved.status(), saved.body());
        JsonNode mine = api.get("api/profile", alice).json();
        assertEquals(saved.json(), mine);
        assertEquals(thisYear - 26, mine.path("birthYear").asInt(), "an age is stored as a birth year");
        assertEquals(26, mine.path("age").asInt());
        assertEquals("서울", mine.path("province").asText());
        assertEquals("마포구", mine.path("district").asText());
        assertEquals("JOB_SEEKER", mine.path("status").asText());
        assertEquals("[\"주거\",\"취업\"]", mine.path("interests").toString());

        assertTrue(api.get("api/profile", bob).json().path("district").isNull(), "another user sees only their own, empty profile");
        assertEquals(200, api.put("api/profile", bob, "{\"birthYear\": " + (thisYear - 30) + ", \"province\": \"부산\"}").status());
        assertEquals(mine, api.get("api/profile", alice).json(), "bob's save leaves alice's profile alone");
        assertEquals(30, api.get("api/profile", bob).json().path("age").asInt());

        assertEquals(200, api.put("api/profile", alice, "{\"province\": \"인천\"}").status());
        JsonNode replaced = api.get("api/profile", alice).json();
        assertTrue(replaced.path("age").isNull() && replaced.path("district").isNull(), "PUT replaces the whole profile");
        JsonNode options = api.get("api/profile/options", alice).json();
        assertEquals(17, options.path("provinces").size());
        assertEquals("서울", options.path("provinces").get(0).path("name").asText());
        assertEquals(25, options.path("provinces").get(0).path("districts").size());
        assertEquals(5, options.path("statuses").size());
        assertEquals(204, api.delete("api/profile", alice).status());
        assertTrue(api.get("api/profile", alice).json().path("province").isNull());
        assertEquals("부산", api.get("api/profile", bob).json().path("province").asText());
    }

    @Test
    void simultaneousFirstSavesAllSucceed() throws Exception {
        String token = TestKeys.token(user());
        List<java.util.concurrent.Callable<Api.Reply>> saves = new ArrayList<>();
        for (int age = 20; age < 28; age++) {
            String body = "{\"age\": " + age + "}";
            saves.add(() -> api.put("api/profile", token, body));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(saves.size());
        try {
            for (var done : pool.invokeAll(saves)) {
                assertEquals(200, done.get().status(), done.get().body());
            }
        } finally {
            pool.shutdownNow();
        }
        int age = api.get("api/profile", token).json().path("age").asInt();
        assertTrue(age >= 20 && age < 28, "one of the saves won: " + age);
    }

    @Test
    void badProfilesAreRefusedWithProblemJsonAndChangeNothing() {
        String token = TestKeys.token(user());
        assertEquals(200, api.put("api/profile", token, "{\"age\": 25, \"province\": \"대전\"}").status());
        JsonNode before = api.get("api/profile", token).json();
        for (String body : List.of("", "{", "not json", "[]", "[{\"age\": 25}]", "\"서울\"", "25", "null",
                "{\"age\": \"25\"}", "{\"age\": 25.5}", "{\"age\": 7}", "{\"age\": 120}", "{\"birthYear\": 1800}",
                "{\"age\": 25, \"birthYear\": 1950}", "{\"province\": \"Atlantis\"}", "{\"province\": 11}",
                "{\"province\": \"서울\", \"district\": \"해운대구\"}", "{\"district\": \"중구\"}",
                "{\"province\": \"서울\", \"district\": \"<script>\"}", "{\"status\": \"KING\"}", "{\"status\": [\"STUDENT\"]}",
                "{\"interests\": \"주거\"}", "{\"interests\": [1, 2]}", "{\"interests\": [\"" + "x".repeat(31) + "\"]}",
                "{\"interests\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}",
                "{\"userId\": \"someone-else\"}", "{\"age\": 25, \"age\": 26}")) {
            Api.Reply reply = api.put("api/profile", token, body);
            assertEquals(400, reply.status(), body + " -> " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), body + " -> " + reply.contentType());
            assertEquals(400, reply.json().path("status").asInt());
            assertFalse(reply.json().path("detail").asText().isBlank(), body);
        }
        Api.Reply notUtf8 = api.put("api/profile", token, "application/json", new byte[] {'{', '"', (byte) 0xff, '"', '}'});
        assertEquals(400, notUtf8.status(), notUtf8.body());
        Api.Reply huge = api.put("api/profile", token, "{\"interests\": [\"" + "x".repeat(20_000) + "\"]}");
        assertEquals(413, huge.status(), huge.body());
        assertTrue(huge.contentType().startsWith("application/problem+json"));
        Api.Reply text = api.put("api/profile", token, "text/plain", "{\"age\": 25}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(415, text.status(), text.body());
        assertTrue(text.contentType().startsWith("application/problem+json"));
        assertEquals(before, api.get("api/profile", token).json(), "refused bodies change nothing");
    }

    @Test
    void theProfileNeedsAValidToken() {
        JWTClaimsSet claims = TestKeys.claims(user(), Instant.now(), Duration.ofHours(1)).build();
        for (Api.Reply reply : List.of(api.get("api/profile", null), api.put("api/profile", null, "{\"age\": 25}"),
                api.delete("api/profile", null), api.get("api/profile/options", null))) {
            assertEquals(401, reply.status(), reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        }
        // A forged token is refused by the JWT mechanism before the resource runs (as for rooms).
        assertEquals(401, api.get("api/profile", TestKeys.unsigned(claims)).status());
        assertEquals(401, api.put("api/profile", TestKeys.sign(claims, TestKeys.OTHER_RSA), "{\"age\": 25}").status());
    }

    // --- warm-up (issue 17) ---------------------------------------------------------------

    @Test
    void readyOnlyAfterAWarmUpThatStoresNothing() {
        Api.Reply ready = api.get("health/ready", null);
        assertEquals(200, ready.status(), ready.body());
        JsonNode warmup = null;
        for (JsonNode check : ready.json().path("checks")) {
            if ("warmup".equals(check.path("name").asText())) {
                warmup = check.path("data");
            }
        }
        assertTrue(warmup != null, ready.body());
        assertEquals("done", warmup.path("warmup").asText(), ready.body());
        assertTrue(Integer.parseInt(warmup.path("answers").asText()) > 0, ready.body());
        assertEquals("0", warmup.path("failed").asText(), ready.body());
        assertTrue(Integer.parseInt(warmup.path("claims").asText()) > 0, "room claims rehearsed in Redis: " + ready.body());
        // Its rooms and messages were rolled back, and its room claims deleted.
        assertEquals(0, api.get("api/rooms", TestKeys.token("ainfo-warmup")).json().size());
        assertEquals(0, REDIS.client().getKeys().getKeysStreamByPattern("ainfo:room-claim:-*").count());
    }

    static JsonNode last(List<JsonNode> frames) {
        return frames.get(frames.size() - 1);
    }
}
