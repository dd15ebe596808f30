package dev.ainfo.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ainfo.testing.Api;
import dev.ainfo.testing.ChatClient;
import dev.ainfo.testing.Deployments;
import dev.ainfo.testing.FakeOpenAi;
import dev.ainfo.testing.RedisProcess;
import dev.ainfo.testing.TestKeys;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Conversation memory end to end: real Payara Micro, a real redis-server, and the real langchain4j
 * OpenAI client against a local OpenAI-compatible server that streams answers and writes summaries.
 * The deployment is started by the tests, so one of them can restart the server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
// Failsafe passes the Payara Micro jar; a surefire run matching dev.ainfo.memory.** skips this class.
@EnabledIfSystemProperty(named = "payara.microJar", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemoryIT {

    static final String DEPLOYMENT = "memory";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SUMMARY = "The user asked about the youth rent allowance and its amount.";
    static final ObjectMapper JSON = new ObjectMapper();
    static final FakeOpenAi MODEL = FakeOpenAi.start();
    static final RedisProcess REDIS = RedisProcess.start("memory");
    static final RedissonClient INSPECTOR = inspector();

    /** The conversation that must survive the restart. */
    static final String OWNER = "memory-" + UUID.randomUUID();
    static long room;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false)
    static WebArchive deployment() {
        Map<String, String> config = new HashMap<>(TestKeys.config());
        config.put("ainfo.llm.provider", "openai");
        config.put("ainfo.llm.base-url", MODEL.baseUrl());
        config.put("ainfo.llm.model", "gpt-4o-mini");
        config.put("ainfo.redis.url", REDIS.url());
        config.put("ainfo.memory.retry-after", "PT1S");
        return Deployments.war(DEPLOYMENT, config);
    }

    @AfterAll
    static void stopServers() {
        INSPECTOR.shutdown();
        MODEL.close();
        REDIS.close();
    }

    static RedissonClient inspector() {
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer().setAddress(REDIS.url()).setTimeout(2000).setRetryAttempts(1);
        return Redisson.create(config);
    }

    static Map<String, String> hash(String user, long roomId) {
        return INSPECTOR.<String, String>getMap("ainfo:memory:" + user + ":" + roomId, StringCodec.INSTANCE).readAllMap();
    }

    /**
     * Polls until the condition holds. A probe that throws counts as "not yet": right after Redis
     * restarts, the test's own client may fail a command on a connection that died with the server.
     */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        RuntimeException lastFailure = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what, lastFailure);
            }
            Thread.sleep(50);
        }
    }

    static int bufferSize(Map<String, String> hash) {
        try {
            // The hash may hold the conversation's topic before its first memory update writes messages.
            return hash.get("messages") == null ? -1 : JSON.readTree(hash.get("messages")).size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode ask(URI http, long roomId, String token, String question) {
        try (ChatClient chat = ChatClient.connect(Api.webSocketBase(http), roomId, token)) {
            assertEquals("history", chat.next(WAIT).path("type").asText());
            chat.ask(question);
            return chat.nextOfType("done", WAIT);
        }
    }

    /** Long enough that two turns are over the 200-token limit; summary requests get the summary. */
    static void model() {
        MODEL.reset();
        MODEL.answering(last -> last.contains("New summary:") ? List.of(SUMMARY) : FakeOpenAi.numbered(50));
    }

    /** A streamed answer, not the query the model is first asked to rewrite (or translate) for retrieval. */
    static boolean answerRequest(JsonNode request) {
        return request.path("stream").asBoolean(false)
                && !request.path("messages").path(0).path("content").asText().startsWith("Rewrite the user's");
    }

    @Test
    @Order(1)
    void start() {
        deployer.deploy(DEPLOYMENT);
    }

    @Test
    @Order(2)
    void answersAreRememberedInRedisAndSummarisedByTheModelPastTheLimit(
            @ArquillianResource @OperateOnDeployment(DEPLOYMENT) URL deployed) throws Exception {
        model();
        URI http = Api.loopback(deployed);
        String token = TestKeys.token(OWNER);
        room = new Api(http).awaitReady(java.time.Duration.ofMinutes(5)).createRoom(token, "memory");

        ask(http, room, token, "Who can get the youth rent allowance?");
        await("the first turn is in Redis", () -> bufferSize(hash(OWNER, room)) == 2);
        Map<String, String> first = hash(OWNER, room);
        assertEquals("", first.get("summary"));
        long ttl = INSPECTOR.getKeys().remainTimeToLive("ainfo:memory:" + OWNER + ":" + room);
        assertTrue(ttl > Duration.ofDays(29).toMillis() && ttl <= Duration.ofDays(30).toMillis(), "TTL " + ttl);

        ask(http, room, token, "How much is it per month?");
        await("the model wrote the summary", () -> SUMMARY.equals(hash(OWNER, room).get("summary")));
        assertTrue(Integer.parseInt(hash(OWNER, room).get("tokens")) <= 200);
    }

    @Test
    @Order(3)
    void resettingMemoryKeepsTheLog(@ArquillianResource @OperateOnDeployment(DEPLOYMENT) URL deployed) throws Exception {
        model();
        URI http = Api.loopback(deployed);
        Api api = new Api(http).awaitReady(java.time.Duration.ofMinutes(5));
        String user = "memory-" + UUID.randomUUID();
        String token = TestKeys.token(user);
        long reset = api.createRoom(token, "reset");
        ask(http, reset, token, "What is the basic pension?");
        await("the turn is in Redis", () -> bufferSize(hash(user, reset)) == 2);

        assertEquals(204, api.delete("api/rooms/" + reset + "/memory", token).status());

        assertEquals("[]", hash(user, reset).get("messages"));
        assertEquals("", hash(user, reset).get("summary"));
        assertEquals(2, api.get("api/rooms/" + reset + "/messages", token).json().size(), "the log is kept");
        assertEquals(404, api.delete("api/rooms/" + reset + "/memory", TestKeys.token("someone-else")).status());
    }

    @Test
    @Order(4)
    void deletingARoomRemovesItsKey(@ArquillianResource @OperateOnDeployment(DEPLOYMENT) URL deployed) throws Exception {
        model();
        URI http = Api.loopback(deployed);
        Api api = new Api(http).awaitReady(java.time.Duration.ofMinutes(5));
        String user = "memory-" + UUID.randomUUID();
        String token = TestKeys.token(user);
        long doomed = api.createRoom(token, "doomed");
        ask(http, doomed, token, "Is there a deposit loan?");
        await("the turn is in Redis", () -> bufferSize(hash(user, doomed)) == 2);

        assertEquals(204, api.delete("api/rooms/" + doomed, token).status());

        await("the key is gone", () -> INSPECTOR.getKeys().countExists("ainfo:memory:" + user + ":" + doomed) == 0);
    }

    @Test
    @Order(5)
    void restart() {
        deployer.undeploy(DEPLOYMENT);
        deployer.deploy(DEPLOYMENT);
    }

    @Test
    @Order(6)
    void memorySurvivesAServerRestart(@ArquillianResource @OperateOnDeployment(DEPLOYMENT) URL deployed) throws Exception {
        model();
        URI http = Api.loopback(deployed);
        Map<String, String> before = hash(OWNER, room);
        assertEquals(SUMMARY, before.get("summary"));

        ask(http, room, TestKeys.token(OWNER), "For how many months?");

        JsonNode prompt = MODEL.requests().stream().filter(MemoryIT::answerRequest).findFirst()
                .orElseThrow().path("messages");
        assertEquals("system", prompt.get(0).path("role").asText());
        assertEquals("system", prompt.get(1).path("role").asText());
        assertTrue(prompt.get(1).path("content").asText().endsWith(SUMMARY), "the summary follows the system prompt");
        JsonNode buffer = JSON.readTree(before.get("messages"));
        for (int i = 0; i < buffer.size(); i++) {
            assertEquals(buffer.get(i).path("message").asText(), prompt.get(2 + i).path("content").asText(),
                    "the buffer from before the restart follows the summary");
        }
        JsonNode last = prompt.get(prompt.size() - 1);
        assertEquals("user", last.path("role").asText());
        assertEquals("For how many months?", last.path("content").asText());
    }

    @Test
    @Order(7)
    void withoutRedisAnswersGoOnAndReadinessSaysDegraded(
            @ArquillianResource @OperateOnDeployment(DEPLOYMENT) URL deployed) throws Exception {
        model();
        URI http = Api.loopback(deployed);
        Api api = new Api(http).awaitReady(java.time.Duration.ofMinutes(5));
        String token = TestKeys.token(OWNER);
        REDIS.kill();
        try {
            Api.Reply ready = api.get("health/ready", null);
            assertEquals(200, ready.status(), ready.body());
            assertTrue(ready.body().contains("degraded"), ready.body());

            MODEL.requests().clear();
            JsonNode done = ask(http, room, token, "Can I apply again next year?");
            assertFalse(done.path("response").asText().isEmpty());
            JsonNode prompt = MODEL.requests().stream().filter(MemoryIT::answerRequest).findFirst()
                    .orElseThrow().path("messages");
            assertTrue(prompt.toString().contains("For how many months?"), "the buffer was rebuilt from the log");

            Api.Reply reset = api.delete("api/rooms/" + room + "/memory", token);
            assertEquals(503, reset.status(), "a reset that cannot reach Redis must not pretend to succeed");
            assertTrue(reset.contentType().startsWith("application/problem+json"), reset.contentType());
        } finally {
            REDIS.startAgain();
        }
        await("memory resumed", () -> api.get("health/ready", null).body().contains("\"redis\""));
        ask(http, room, token, "Thanks!");
        await("the rebuilt memory is back in Redis", () -> bufferSize(hash(OWNER, room)) >= 2);
    }

    @Test
    @Order(8)
    void stop() {
        deployer.undeploy(DEPLOYMENT);
    }
}
