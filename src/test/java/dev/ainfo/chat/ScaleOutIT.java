package dev.ainfo.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ainfo.testing.Api;
import dev.ainfo.testing.ChatClient;
import dev.ainfo.testing.FakeOpenAi;
import dev.ainfo.testing.NginxProcess;
import dev.ainfo.testing.PostgresProcess;
import dev.ainfo.testing.ScaleOut;
import dev.ainfo.testing.TestKeys;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three instances of the WAR behind nginx, sharing PostgreSQL and Redis: what must hold across
 * instances does, one instance killed mid-answer loses nothing, and one stopped drains. The last two
 * tests take instances away, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> ENDED = Set.of("complete", "stopped", "failed");
    private static ScaleOut cluster;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PostgresProcess.binaries().isPresent(), "PostgreSQL is not installed (.ci/run installs it)");
        assumeTrue(NginxProcess.installed(), "nginx is not installed (.ci/run installs it)");
        // A short lease, so a dead instance's rooms free within seconds; generous model timeouts, as
        // three instances and the fake model share a busy machine (20 s without a first token was seen).
        cluster = ScaleOut.start("scale-out", 3, Map.of("ainfo.chat.claim-lease", "PT3S",
                        "ainfo.llm.first-token-timeout", "PT90S", "ainfo.llm.idle-timeout", "PT90S"),
                "청년 월세 지원", "면접 정장 대여", "청년 이사비 지원");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A socket and its history frame; a handshake that timed out on the busy machine is tried again. */
    static ChatClient open(URI sockets, long room, String token) {
        for (int attempt = 1; ; attempt++) {
            try {
                ChatClient chat = ChatClient.connect(sockets, room, token);
                assertEquals("history", chat.next(WAIT).path("type").asText());
                return chat;
            } catch (ChatClient.HandshakeRefused timedOut) {
                if (attempt == 3 || !(timedOut.getCause() instanceof java.net.http.HttpTimeoutException)) {
                    throw timedOut;
                }
            }
        }
    }

    private static JsonNode messages(long room, String token) {
        return new Api(cluster.balancer()).get("api/rooms/" + room + "/messages?limit=200", token).json();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(200);
        }
    }

    @Test
    @Order(1)
    void theSameRoomOnTwoInstancesIsBusyAndAStopOnOneStopsTheOther() throws Exception {
        cluster.model.reset();
        cluster.model.tokenInterval(Duration.ofMillis(200));
        String token = TestKeys.token("busy-user");
        long room = new Api(cluster.balancer()).createRoom(token, "two tabs");
        try (ChatClient onA = open(cluster.sockets(0), room, token); ChatClient onB = open(cluster.sockets(1), room, token)) {
            onA.ask("청년 월세 지원이 있나요?");
            onA.nextOfType("chunk", WAIT);

            onB.ask("청년 이사비 지원도 있나요?");
            JsonNode refused = onB.nextOfType("error", WAIT);
            assertEquals("busy", refused.path("code").asText(), refused.toString());

            onB.stop();
            JsonNode done = onA.nextOfType("done", WAIT);
            assertEquals("stopped", done.path("status").asText(), "the stop sent to B reached the answer on A");
            assertTrue(done.path("response").asText().startsWith("tok0"), done.toString());
        } finally {
            cluster.model.reset();
        }
        JsonNode stored = messages(room, token);
        assertEquals(2, stored.size(), stored.toString());
        assertEquals("stopped", stored.get(1).path("status").asText());
    }

    @Test
    @Order(2)
    void aQuestionOnAnotherInstanceRightAfterDoneSeesTheTurn() throws Exception {
        cluster.model.reset();
        cluster.model.answering(question -> question.contains("청년 월세 지원 받을 수") ? List.of("MARKER-", "ALPHA") : List.of("other"));
        String token = TestKeys.token("memory-user");
        long room = new Api(cluster.balancer()).createRoom(token, "memory");
        try (ChatClient onA = open(cluster.sockets(0), room, token); ChatClient onB = open(cluster.sockets(1), room, token)) {
            onA.ask("청년 월세 지원 받을 수 있나요?");
            assertEquals("complete", onA.nextOfType("done", WAIT).path("status").asText());
            onB.ask("청년 이사비 지원도 있나요?");
            assertEquals("complete", onB.nextOfType("done", WAIT).path("status").asText());
        } finally {
            List<JsonNode> requests = List.copyOf(cluster.model.requests());
            cluster.model.reset();
            JsonNode second = requests.stream().filter(r -> r.toString().contains("청년 이사비 지원도 있나요?"))
                    .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no request for the second question"));
            assertTrue(second.toString().contains("MARKER-ALPHA"),
                    "instance B's prompt carries the turn answered on A: " + second);
        }
    }

    @Test
    @Order(3)
    void historyFollowsTheOrderOfWritesFromAllInstances() throws Exception {
        cluster.model.reset();
        String token = TestKeys.token("order-user");
        long room = new Api(cluster.balancer()).createRoom(token, "order");
        List<String> asked = new ArrayList<>();
        for (int turn = 0; turn < 6; turn++) {
            try (ChatClient chat = open(cluster.sockets(turn % 3), room, token)) {
                String question = "청년 월세 지원 질문 " + turn + " (instance " + (turn % 3 + 1) + ")";
                chat.ask(question);
                assertEquals("complete", chat.nextOfType("done", WAIT).path("status").asText());
                asked.add(question);
            }
        }
        JsonNode all = messages(room, token);
        assertEquals(12, all.size(), all.toString());
        long previous = 0;
        for (int i = 0; i < all.size(); i++) {
            JsonNode message = all.get(i);
            assertTrue(message.path("id").asLong() > previous, "ids follow the order of writes: " + all);
            previous = message.path("id").asLong();
            assertEquals(i % 2 == 0 ? "user" : "bot", message.path("role").asText(), all.toString());
            if (i % 2 == 0) {
                assertEquals(asked.get(i / 2), message.path("message").asText());
            }
        }
        // Pages through the balancer, whichever instance answers each: no message skipped or doubled.
        JsonNode older = new Api(cluster.balancer())
                .get("api/rooms/" + room + "/messages?limit=4&before=" + all.get(8).path("id").asLong(), token).json();
        assertEquals(4, older.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(all.get(4 + i).path("id").asLong(), older.get(i).path("id").asLong());
        }
        try (ChatClient chat = open(cluster.sockets(2), room, token)) {
            // The history frame of a new socket, on yet another instance, in the same order.
            chat.close();
        }
    }

    @Test
    @Order(4)
    void aReindexOnOneInstanceReachesAll() throws Exception {
        String admin = TestKeys.adminToken("operator");
        for (int i = 0; i < 3; i++) {
            assertEquals(3, new Api(cluster.http(i)).get("api/admin/knowledge", admin).json().path("policies").asInt());
        }
        ScaleOut.writeCorpus(cluster.corpus, "청년 월세 지원", "면접 정장 대여", "청년 이사비 지원", "청년 교통비 지원");

        JsonNode reindexed = new Api(cluster.balancer()).post("api/admin/knowledge/reindex", admin, "").json();
        assertEquals(4, reindexed.path("policies").asInt(), reindexed.toString());
        assertEquals(2, reindexed.path("otherInstances").asInt(), reindexed.toString());
        for (int i = 0; i < 3; i++) {
            Api instance = new Api(cluster.http(i));
            await("instance " + (i + 1) + " re-indexed", () -> instance.get("api/admin/knowledge", admin).json()
                    .path("policies").asInt() == 4);
        }
    }

    @Test
    @Order(5)
    void anInstanceKilledMidAnswerLosesNothing() throws Exception {
        cluster.model.reset();
        cluster.model.tokenInterval(Duration.ofMillis(100));
        cluster.model.answering(question -> FakeOpenAi.numbered(100));
        KillRun run = new KillRun(cluster, 9);
        try {
            run.openAndAsk();
            run.awaitStreaming();
            cluster.instances.get(0).kill();
            run.reconnectAndFinish();
            run.awaitStoredEnds();
            int inFlight = run.dropped();
            String report = String.format("kill test: %d clients through nginx, %d answers in flight on the killed instance, "
                            + "%d reconnects, %d questions asked, %d stored with an ended answer, %d lost",
                    run.clients(), inFlight, run.reconnects(), run.asked(), run.storedEnded(), run.lost());
            System.out.println(report);
            Files.writeString(Path.of("target", "scale-out-kill.txt"), report + "\n");
            assertTrue(inFlight > 0, "the killed instance was streaming: " + report);
            assertTrue(run.reconnects() >= inFlight, report);
            assertEquals(0, run.lost(), report);
            assertEquals(run.asked(), run.storedEnded(), report);
            assertEquals(0, run.interruptedWithoutText(), "the interrupted answers keep what had streamed: " + report);
        } finally {
            run.close();
            cluster.model.reset();
        }
    }

    @Test
    @Order(6)
    void aStoppedInstanceDrainsItsAnswersAndClosesWith1001() throws Exception {
        cluster.model.reset();
        cluster.model.tokenInterval(Duration.ofMillis(200));
        String token = TestKeys.token("drain-user");
        long room = new Api(cluster.balancer()).createRoom(token, "drain");
        ChatClient chat = open(cluster.sockets(1), room, token);
        chat.ask("청년 월세 지원, 서버가 꺼지면 어떻게 되나요?");
        chat.nextOfType("chunk", WAIT);

        cluster.instances.get(1).stop();

        assertEquals(1001, chat.awaitClose(WAIT));
        JsonNode stored = messages(room, token);
        assertEquals(2, stored.size(), stored.toString());
        assertEquals("stopped", stored.get(1).path("status").asText(), stored.toString());
        assertTrue(stored.get(1).path("message").asText().startsWith("tok0"), stored.toString());
        // The balancer carries on with the instance left.
        try (ChatClient again = open(cluster.balancerSockets(), room, token)) {
            again.ask("청년 월세 지원 다시 물어볼게요");
            assertEquals("complete", again.nextOfType("done", WAIT).path("status").asText());
        } finally {
            cluster.model.reset();
        }
    }
}
