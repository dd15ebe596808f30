package dev.ainfo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.SignedJWT;
import dev.ainfo.testing.Api;
import dev.ainfo.testing.ChatClient;
import dev.ainfo.testing.Deployments;
import dev.ainfo.testing.FakeOpenAi;
import dev.ainfo.testing.KeycloakProcess;
import dev.ainfo.testing.RedisProcess;
import dev.ainfo.ui.Browser;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * AInfo behind a real Keycloak, configured as docs/keycloak.md says: tokens from Keycloak's own
 * token endpoint, verified through its JWKS URL, on REST and the socket; a realm role as the admin
 * role; another audience refused; a key rotation picked up without a restart; the expiry of a
 * socket's token; and the chat page's PKCE sign-in, refresh and sign-out in Chromium. One Keycloak
 * and one Payara for all of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    static final KeycloakProcess KEYCLOAK = KeycloakProcess.start("keycloak/ainfo-realm.json", "ainfo");
    static final FakeOpenAi MODEL = FakeOpenAi.start();
    static final RedisProcess REDIS = RedisProcess.start("keycloak");

    static final String CLIENT = "ainfo-tests";
    static final String SECRET = "ainfo-tests-secret";

    @ArquillianResource
    URL deployed;

    URI http;
    URI ws;
    Api api;

    @Deployment
    static WebArchive deployment() {
        // The recipe's settings (docs/keycloak.md), with the test realm's addresses.
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "mp.jwt.verify.publickey.location", KEYCLOAK.jwksUrl(),
                "mp.jwt.verify.issuer", KEYCLOAK.issuer(),
                "mp.jwt.verify.audiences", "ainfo",
                "ainfo.oidc.client-id", "ainfo-web",
                "ainfo.llm.provider", "openai",
                "ainfo.llm.base-url", MODEL.baseUrl(),
                "ainfo.llm.model", "gpt-4o-mini",
                "ainfo.redis.url", REDIS.url()));
        return Deployments.war("keycloak", config);
    }

    @AfterAll
    static void stopServers() {
        try {
            KEYCLOAK.close();
        } finally {
            MODEL.close();
            REDIS.close();
        }
    }

    @BeforeEach
    void connect() {
        http = Api.loopback(deployed);
        ws = Api.webSocketBase(http);
        api = new Api(http).awaitReady(Duration.ofMinutes(5));
        MODEL.reset();
    }

    static String token(String user) {
        return KEYCLOAK.accessToken(CLIENT, SECRET, user, user + "-password");
    }

    static JsonNode claims(String token) {
        try {
            return JSON.readTree(SignedJWT.parse(token).getPayload().toString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String kid(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(1)
    void keycloakTokensOpenRestAndTheSocket() {
        String token = token("alice");
        JsonNode claims = claims(token);
        assertEquals(KEYCLOAK.issuer(), claims.path("iss").asText());
        assertEquals("alice", claims.path("upn").asText(), "the microprofile-jwt scope adds upn");
        assertTrue(claims.path("groups").toString().contains("\"user\""), "and the realm roles as groups: " + claims);
        assertTrue(claims.path("aud").toString().contains("\"ainfo\""), "the audience mapper adds ainfo: " + claims);

        long room = api.createRoom(token, "keycloak");
        assertEquals(1, api.get("api/rooms", token).json().size());
        try (ChatClient chat = ChatClient.connect(ws, room, token)) {
            assertEquals("history", chat.next(WAIT).path("type").asText());
            chat.ask("서울 청년 월세 지원 알려줘");
            assertEquals("done", chat.nextOfType("done", WAIT).path("type").asText());
        }
        try (ChatClient chat = ChatClient.connect(ws.resolve("ws/chat/" + room), Map.of("Authorization", "Bearer " + token), true)) {
            assertEquals(2, chat.next(WAIT).path("messages").size(), "the same user on the socket as on REST");
        }
        assertEquals(200, api.get("health/ready", null).status(), "the JWKS is fetched: ready");
    }

    @Test
    @Order(2)
    void theRealmRoleAdminOpensTheAdminEndpoints() {
        assertEquals(200, api.get("api/admin/knowledge", token("ada")).status());
        Api.Reply user = api.get("api/admin/knowledge", token("alice"));
        assertEquals(403, user.status(), user.body());
        assertEquals(401, api.get("api/admin/knowledge", null).status());
    }

    @Test
    @Order(3)
    void aTokenForAnotherAudienceIsRefusedOnBothPaths() {
        String mine = token("alice");
        long room = api.createRoom(mine, "audience");
        String other = KEYCLOAK.accessToken("other-service", "other-service-secret", "alice", "alice-password");
        assertFalse(claims(other).path("aud").toString().contains("\"ainfo\""), claims(other).toString());
        assertEquals(claims(mine).path("sub").asText(), claims(other).path("sub").asText(), "the same user");
        assertEquals(401, api.get("api/rooms", other).status());
        assertEquals(401, ChatClient.refusalStatus(ws.resolve("ws/chat/" + room + "?token=" + other), Map.of()));
        assertEquals(-1, ChatClient.refusalStatus(ws.resolve("ws/chat/" + room + "?token=" + mine), Map.of()));
    }

    @Test
    @Order(4)
    void anExpiredTokenClosesTheSocketWith1008AfterItsAnswerIsStored() {
        // ainfo-tests-short's tokens live 12 s (the client's access.token.lifespan).
        String shortLived = KEYCLOAK.accessToken("ainfo-tests-short", "ainfo-tests-short-secret", "alice", "alice-password");
        JsonNode claims = claims(shortLived);
        assertTrue(claims.path("exp").asLong() - claims.path("iat").asLong() <= 12, claims.toString());
        long room = api.createRoom(shortLived, "expiring");
        MODEL.tokenInterval(Duration.ofMillis(250));
        MODEL.answering(q -> FakeOpenAi.numbered(400)); // 100 s of answer: still streaming at expiry
        try (ChatClient chat = ChatClient.connect(ws, room, shortLived)) {
            chat.next(WAIT);
            chat.ask("천천히 답해 주세요");
            chat.nextOfType("chunk", WAIT);
            assertEquals(1008, chat.awaitClose(Duration.ofSeconds(45)));
        }
        JsonNode messages = api.get("api/rooms/" + room + "/messages", token("alice")).json();
        assertEquals(2, messages.size(), messages.toString());
        assertEquals("stopped", messages.get(1).path("status").asText());
        assertTrue(messages.get(1).path("message").asText().startsWith("tok0"), messages.toString());
        // An open socket is closed at `exp`; a token is accepted until `exp` plus the configured skew
        // (mp.jwt.verify.clock.skew, 30 s by default) on both paths, so REST is asked after that.
        long refusedFrom = (claims.path("exp").asLong() + 30 + 1) * 1000;
        while (System.currentTimeMillis() < refusedFrom) {
            sleep(Duration.ofMillis(refusedFrom - System.currentTimeMillis()));
        }
        assertEquals(401, api.get("api/rooms", shortLived).status(), "REST refuses it too");
        assertEquals(401, ChatClient.refusalStatus(ws.resolve("ws/chat/" + room + "?token=" + shortLived), Map.of()),
                "and so does a new socket");
    }

    @Test
    @Order(5)
    void thePageSignsInWithPkceAgainstKeycloakChatsRefreshesAndSignsOut() {
        String base = "http://127.0.0.1:" + http.getPort();
        registerPage(base);
        MODEL.tokenInterval(Duration.ofMillis(5));
        MODEL.answering(q -> List.of("청년 ", "월세 ", "지원 ", "안내입니다."));
        Path artifacts = Path.of(System.getProperty("ainfo.artifacts", "target/it-artifacts")).resolve("keycloak-ui");
        try (Browser browser = new Browser(artifacts)) {
            WebDriverWait wait = new WebDriverWait(browser.driver, WAIT);
            wait.ignoring(StaleElementReferenceException.class);
            JavascriptExecutor js = browser.driver;
            browser.driver.get(base + "/");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("oidc-signin"))).click();

            // Keycloak's own login form
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("alice");
            browser.driver.findElement(By.id("password")).sendKeys("alice-password");
            browser.screenshot("01-keycloak-login");
            assertTrue(browser.driver.getCurrentUrl().startsWith(KEYCLOAK.issuer()), browser.driver.getCurrentUrl());
            assertTrue(browser.driver.getCurrentUrl().contains("code_challenge_method=S256"), "PKCE S256");
            browser.driver.findElement(By.id("kc-login")).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-room")));
            assertTrue(browser.driver.findElement(By.id("user-name")).getText().contains("alice"));
            assertFalse(browser.driver.getCurrentUrl().contains("code="), "the code is gone from the address bar");
            assertEquals("oidc", js.executeScript("return JSON.parse(sessionStorage.getItem('ainfo.session')).kind"));
            String first = (String) js.executeScript("return JSON.parse(sessionStorage.getItem('ainfo.session')).token");
            assertEquals(KEYCLOAK.issuer(), claims(first).path("iss").asText());

            // a chat: REST makes the room, the socket answers
            browser.driver.findElement(By.id("new-room")).click();
            wait.until(d -> "connected".equals(d.findElement(By.id("status")).getAttribute("data-state")));
            WebElement input = browser.driver.findElement(By.id("composer-input"));
            js.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
                    input, "서울 월세 지원 있어요?");
            input.sendKeys(Keys.ENTER);
            wait.until(d -> d.findElements(By.cssSelector("#message-list .msg-bot")).stream()
                    .anyMatch(b -> "complete".equals(b.getAttribute("data-status"))));
            assertTrue(browser.driver.findElement(By.cssSelector("#message-list .msg-bot .msg-body")).getText()
                    .contains("안내입니다"));
            browser.screenshot("02-chat-with-keycloak-token");

            // the page refreshes its token a minute before it expires (ainfo-web's tokens live 75 s)
            new WebDriverWait(browser.driver, Duration.ofSeconds(120)).until(d -> !first.equals(
                    js.executeScript("return JSON.parse(sessionStorage.getItem('ainfo.session')).token")));
            String refreshed = (String) js.executeScript("return JSON.parse(sessionStorage.getItem('ainfo.session')).token");
            assertTrue(claims(refreshed).path("iat").asLong() > claims(first).path("iat").asLong());
            Api.Reply rooms = api.get("api/rooms", refreshed);
            assertEquals(200, rooms.status(), "the refreshed token opens REST");
            assertTrue(rooms.json().size() >= 4, "alice's rooms, the page's among them: " + rooms.body());

            // sign-out ends the Keycloak session too: the next sign-in shows the login form again
            browser.driver.findElement(By.id("signout")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("oidc-signin")));
            assertTrue(browser.driver.getCurrentUrl().startsWith(base), browser.driver.getCurrentUrl());
            assertNull(js.executeScript("return sessionStorage.getItem('ainfo.session')"));
            browser.driver.findElement(By.id("oidc-signin")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
            browser.screenshot("03-signed-out");
        }
    }

    @Test
    @Order(6)
    void aKeyRotationIsPickedUpWithoutARestart() {
        String before = token("alice");
        long room = api.createRoom(before, "rotation");
        String realmId = KEYCLOAK.adminJson("").path("id").asText();
        ObjectNode provider = JSON.createObjectNode()
                .put("name", "rotated-" + System.nanoTime())
                .put("providerId", "rsa-generated")
                .put("providerType", "org.keycloak.keys.KeyProvider")
                .put("parentId", realmId);
        ObjectNode config = provider.putObject("config");
        for (Map.Entry<String, String> e : Map.of("priority", "1000", "enabled", "true", "active", "true",
                "algorithm", "RS256", "keySize", "2048").entrySet()) {
            ((ArrayNode) config.putArray(e.getKey())).add(e.getValue());
        }
        KEYCLOAK.admin("POST", "/components", provider.toString());

        String after = token("alice");
        assertNotEquals(kid(before), kid(after), "Keycloak signs with the new key");
        assertEquals(200, api.get("api/rooms/" + room, after).status());
        assertEquals(-1, ChatClient.refusalStatus(ws.resolve("ws/chat/" + room + "?token=" + after), Map.of()));
        assertEquals(200, api.get("api/rooms/" + room, before).status(), "the old key is still published");
    }

    /** The page's address in the public client, as an operator registers it (redirect URI and web origin). */
    static void registerPage(String base) {
        JsonNode clients = KEYCLOAK.adminJson("/clients?clientId=ainfo-web");
        ObjectNode client = (ObjectNode) clients.get(0);
        client.putArray("redirectUris").add(base + "/*");
        client.putArray("webOrigins").add(base);
        KEYCLOAK.admin("PUT", "/clients/" + client.path("id").asText(), client.toString());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
