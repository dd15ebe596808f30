package dev.ainfo.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.testing.Api;
import dev.ainfo.testing.Deployments;
import dev.ainfo.testing.FakeOpenAi;
import dev.ainfo.testing.RedisProcess;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page in Debian's Chromium against real Payara Micro in embedded mode (the development
 * token issuer on), a real redis-server, and a local OpenAI-compatible model that streams slowly
 * enough to watch, and echoes a question marked {@code echo:} so that an answer can carry HTML.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatPageIT {

    static final FakeOpenAi MODEL = slowMarkdownModel(FakeOpenAi.start());
    static final RedisProcess REDIS = RedisProcess.start("chat-page");
    static final FakeOidc SSO = FakeOidc.start();

    /** A short socket history, so that older messages must come page by page over REST. */
    static final int HISTORY_LIMIT = 4;

    static Browser browser;
    static Path artifacts;

    @ArquillianResource
    URL deployed;

    String base;
    WebDriverWait wait;

    @Deployment
    static WebArchive deployment() {
        // No mp.jwt.verify.* keys: the page signs in through the development issuer, as embedded mode does.
        return Deployments.war("chat-page", Map.of(
                "ainfo.llm.provider", "openai",
                "ainfo.llm.base-url", MODEL.baseUrl(),
                "ainfo.llm.model", "gpt-4o-mini",
                "ainfo.redis.url", REDIS.url(),
                "ainfo.chat.history-limit", String.valueOf(HISTORY_LIMIT),
                // The SSO button too; its fake provider hands out development tokens after a real PKCE exchange.
                "ainfo.oidc.issuer", SSO.issuer(),
                "ainfo.oidc.client-id", FakeOidc.CLIENT_ID));
    }

    static FakeOpenAi slowMarkdownModel(FakeOpenAi model) {
        return model.tokenInterval(Duration.ofMillis(60)).answering(ChatPageIT::answer);
    }

    /** A Markdown answer in small pieces; a question containing "echo:" is repeated back, HTML and all. */
    static List<String> answer(String question) {
        int echo = question.indexOf("echo:");
        String text = echo >= 0
                ? "You wrote: " + question.substring(echo + 5).strip() + "\n\n**Bold** and [a link](javascript:window.__xss='answer-link')"
                : "**청년 월세 지원**은 다음과 같습니다.\n\n1. **청년월세 한시 특별지원** (국토교통부)\n"
                + "   - 월 최대 20만 원, 최장 12개월\n   - 링크: https://www.youthcenter.go.kr\n"
                + "2. *서울시 청년 월세지원*\n   - 만 19~39세 무주택 청년\n\n`신청`은 온라인으로 합니다. "
                + "자세한 조건은 각 기관의 공고를 확인하세요.";
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 4) {
            pieces.add(text.substring(i, Math.min(text.length(), i + 4)));
        }
        return pieces;
    }

    @BeforeAll
    static void startBrowser() {
        artifacts = Path.of(System.getProperty("ainfo.artifacts", "target/it-artifacts")).resolve("ui");
        browser = new Browser(artifacts);
        // Keeps a handle on the page's sockets, so a test can drop the connection as a network would.
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "(() => { const Native = window.WebSocket; window.__sockets = [];"
                        + " window.WebSocket = class extends Native {"
                        + " constructor(...args) { super(...args); window.__sockets.push(this); } }; })();"));
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            MODEL.close();
            REDIS.close();
            SSO.close();
        }
    }

    @BeforeEach
    void freshTab() {
        base = Api.loopback(deployed).toString().replaceAll("/$", "");
        new Api(Api.loopback(deployed)).awaitReady(Duration.ofMinutes(5));
        browser.size(1280, 860);
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class); // messages re-render as frames arrive
    }

    // ------------------------------------------------------------------ tests

    @Test
    void signsInWithOneClickThroughTheDevelopmentIssuer() {
        open();
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.id("dev-signin")));
        browser.screenshot("01-sign-in");
        String user = uniqueUser();
        WebElement name = browser.driver.findElement(By.id("dev-user"));
        name.clear();
        name.sendKeys(user);
        button.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-room")));
        assertTrue(text(By.id("user-name")).contains(user), "the signed-in user is shown");
        assertEquals("0", js("return String(localStorage.length && Object.keys(localStorage).filter(k => k !== 'ainfo.lang').length)"),
                "no token in localStorage");
        assertNotEquals(null, js("return sessionStorage.getItem('ainfo.session')"), "the session is in sessionStorage");
        browser.screenshot("02-signed-in");
    }

    @Test
    void signsInWithOpenIdConnectAndPkce() {
        String user = uniqueUser();
        SSO.accessToken = () -> devToken(user);
        int exchanges = SSO.pkceExchanges.get();
        open();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("oidc-signin"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-room")));
        assertTrue(text(By.id("user-name")).contains(user), "the SSO's user is signed in");
        assertEquals(exchanges + 1, SSO.pkceExchanges.get(), "one code exchanged, with a matching PKCE verifier");
        assertEquals(0, SSO.refused.get());
        assertFalse(browser.driver.getCurrentUrl().contains("code="), "the code is gone from the address bar");
        assertEquals("oidc", js("return JSON.parse(sessionStorage.getItem('ainfo.session')).kind"));
        createRoom(); // REST and the socket take the token
        browser.screenshot("02b-signed-in-with-sso");
        int logouts = SSO.logouts.get();
        browser.driver.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("oidc-signin")));
        assertEquals(logouts + 1, SSO.logouts.get(), "signing out ends the SSO session too");
        assertNull(js("return sessionStorage.getItem('ainfo.session')"));
    }

    @Test
    void createsARoomAndShowsItInTheList() {
        signIn();
        int before = rooms().size();
        createRoom();
        List<WebElement> rooms = rooms();
        assertEquals(before + 1, rooms.size());
        assertEquals("true", rooms.get(0).getAttribute("class").contains("active") ? "true" : "false");
        assertEquals("connected", status());
        assertTrue(text(By.id("empty-room")).length() > 0, "an empty room invites a first question");
        browser.screenshot("03-new-room");
    }

    @Test
    void answerStreamsInWithIntermediateRenders() {
        signIn();
        createRoom();
        recordRenders();
        ask("청년 월세 지원이 있나요?");
        wait.until(d -> "streaming".equals(lastBot().getAttribute("data-status")) && !lastBot().getText().isBlank());
        browser.screenshot("04-streaming");
        waitForAnswerEnd();
        String full = lastBot().findElement(By.className("msg-body")).getText().strip();
        List<String> renders = renders();
        assertFalse(full.isEmpty(), "an answer was shown");
        List<String> intermediate = renders.stream().filter(r -> !r.isBlank() && !r.equals(full)).distinct().toList();
        assertTrue(intermediate.size() >= 2, "at least two intermediate renders, saw " + intermediate);
        assertTrue(intermediate.get(0).length() < full.length() / 2, "the first render came early: " + intermediate.get(0));
        assertTrue(intermediate.get(intermediate.size() - 1).length() > intermediate.get(0).length(), "the answer grew");
        assertEquals("complete", lastBot().getAttribute("data-status"));
        browser.screenshot("05-answered");
    }

    @Test
    void stopEndsTheAnswerAndKeepsThePartialText() {
        signIn();
        createRoom();
        ask("청년 월세 지원이 있나요?");
        wait.until(d -> "streaming".equals(lastBot().getAttribute("data-status"))
                && !lastBot().findElement(By.className("msg-body")).getText().isBlank());
        WebElement stop = browser.driver.findElement(By.id("stop"));
        assertTrue(stop.isDisplayed(), "a stop button shows while the answer streams");
        stop.click();
        wait.until(d -> "stopped".equals(lastBot().getAttribute("data-status")));
        String partial = lastBot().findElement(By.className("msg-body")).getText();
        assertFalse(partial.isBlank(), "the partial answer stays on screen");
        assertTrue(browser.driver.findElement(By.id("send")).isDisplayed(), "the send button is back");
        browser.screenshot("06-stopped");

        reload();
        WebElement stored = lastBot();
        assertEquals("stopped", stored.getAttribute("data-status"), "the stopped answer is in the history");
        assertEquals(partial, stored.findElement(By.className("msg-body")).getText());
        // The socket takes the next question at once.
        ask("고마워요");
        waitForAnswerEnd();
        assertEquals("complete", lastBot().getAttribute("data-status"));
    }

    @Test
    void reloadShowsTheHistoryWithSources() {
        signIn();
        createRoom();
        String question = "청년 월세 지원"; // the records cover every term, so the answer is grounded
        ask(question);
        waitForAnswerEnd();
        String answer = lastBot().findElement(By.className("msg-body")).getText();
        List<String> sources = sourceTitles();
        assertFalse(sources.isEmpty(), "the answer lists the policies it drew on");
        for (WebElement link : lastBot().findElements(By.cssSelector(".sources a"))) {
            assertTrue(link.getAttribute("href").matches("https?://.+"), "source links are web links");
            assertEquals("noopener noreferrer nofollow", link.getAttribute("rel"));
        }
        String roomTitle = text(By.id("room-title"));

        reload();
        List<WebElement> users = browser.driver.findElements(By.cssSelector("#message-list .msg-user .msg-body"));
        assertEquals(question, users.get(users.size() - 1).getText());
        assertEquals(answer, lastBot().findElement(By.className("msg-body")).getText());
        assertEquals(sources, sourceTitles(), "the stored answer keeps its sources");
        assertEquals(roomTitle, text(By.id("room-title")), "the same room is open after the reload");
        browser.screenshot("07-after-reload");
    }

    List<String> sourceTitles() {
        return lastBot().findElements(By.cssSelector(".sources .source-title")).stream().map(WebElement::getText).toList();
    }

    @Test
    void reconnectsAfterADroppedConnectionAndResyncsTheHistory() {
        signIn();
        createRoom();
        js("window.__states = []; const s = document.getElementById('status');"
                + "new MutationObserver(() => window.__states.push(s.dataset.state))"
                + ".observe(s, {attributes: true, attributeFilter: ['data-state']});");
        ask("청년 월세 지원이 있나요?");
        wait.until(d -> "streaming".equals(lastBot().getAttribute("data-status"))
                && !lastBot().findElement(By.className("msg-body")).getText().isBlank());
        js("window.__sockets[window.__sockets.length - 1].close()"); // the connection drops mid-answer
        wait.until(d -> "interrupted".equals(lastBot().getAttribute("data-status")));
        browser.screenshot("16-connection-lost");
        wait.until(d -> ((List<?>) js("return window.__states")).contains("waiting"));
        wait.until(d -> "connected".equals(status()));
        // The history frame of the new connection replaces the interrupted bubble with what was stored.
        wait.until(d -> "stopped".equals(lastBot().getAttribute("data-status")) && lastBot().getAttribute("data-id") != null);
        assertEquals(2, browser.driver.findElements(By.cssSelector("#message-list .msg")).size());
        assertFalse(lastBot().findElement(By.className("msg-body")).getText().isBlank(), "the partial answer was kept");
        @SuppressWarnings("unchecked")
        List<String> states = (List<String>) js("return window.__states");
        assertTrue(states.indexOf("waiting") < states.lastIndexOf("connected"), "reconnected after waiting: " + states);
        ask("다시 질문합니다");
        waitForAnswerEnd();
        assertEquals("complete", lastBot().getAttribute("data-status"), "the new connection answers");
        browser.screenshot("17-reconnected");
    }

    @Test
    void overlongQuestionsAndModelFailuresShowClearStates() {
        signIn();
        createRoom();
        WebElement input = browser.driver.findElement(By.id("composer-input"));
        js("arguments[0].value = '가'.repeat(5000); arguments[0].dispatchEvent(new Event('input'));", input);
        input.sendKeys(Keys.ENTER);
        wait.until(d -> "message_too_long".equals(d.findElement(By.id("notice")).getAttribute("data-code")));
        assertTrue(browser.driver.findElement(By.id("notice")).isDisplayed());
        assertTrue(browser.driver.findElement(By.id("char-count")).getAttribute("class").contains("over"));
        assertTrue(browser.driver.findElements(By.cssSelector("#message-list .msg")).isEmpty(), "nothing was sent");
        js("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'));", input);

        try {
            for (int i = 0; i < 4; i++) {
                MODEL.failNext(FakeOpenAi.Fault.STATUS_503);
            }
            ask("청년 주거 정책");
            wait.until(d -> "llm_unavailable".equals(d.findElement(By.id("notice")).getAttribute("data-code")));
            wait.until(d -> "failed".equals(lastBot().getAttribute("data-status")));
            assertFalse(lastBot().findElement(By.className("msg-note")).getText().isBlank(), "the failed answer says so");
            browser.screenshot("18-model-unavailable");
        } finally {
            MODEL.reset();
            slowMarkdownModel(MODEL);
        }
        ask("다시 물어볼게요");
        waitForAnswerEnd();
        assertEquals("complete", lastBot().getAttribute("data-status"), "the chat goes on");
        assertFalse(browser.driver.findElement(By.id("notice")).isDisplayed(), "the notice clears on the next question");
    }

    @Test
    void olderMessagesLoadOnScroll() {
        signIn();
        createRoom();
        browser.size(390, 700);
        for (int i = 1; i <= 3; i++) {
            ask("질문 " + i);
            waitForAnswerEnd();
        }
        reload();
        By messages = By.cssSelector("#message-list .msg");
        assertEquals(HISTORY_LIMIT, browser.driver.findElements(messages).size(), "the socket's history is the last page");
        assertFalse(browser.driver.findElement(By.id("older")).isDisplayed());
        js("document.getElementById('messages').scrollTop = 0");
        wait.until(d -> d.findElements(messages).size() == 6);
        List<WebElement> users = browser.driver.findElements(By.cssSelector("#message-list .msg-user .msg-body"));
        assertEquals(List.of("질문 1", "질문 2", "질문 3"), users.stream().map(WebElement::getText).toList());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("older")));
        browser.screenshot("15-older-loaded");
    }

    @Test
    void htmlInAQuestionRendersAsInertText() {
        signIn();
        createRoom();
        String payload = "<img src=x onerror=\"window.__xss='img'\"><script>window.__xss='script'</script>"
                + "[click](javascript:window.__xss='link') **bold**";
        ask(payload);
        waitForAnswerEnd();
        assertInert(payload);
        reload();
        assertInert(payload);
        browser.screenshot("08-xss-question");
    }

    @Test
    void htmlInAnAnswerRendersAsInertText() {
        signIn();
        createRoom();
        String payload = "<img src=x onerror=\"window.__xss='img'\"><script>window.__xss='script'</script>";
        ask("echo: " + payload);
        waitForAnswerEnd();
        assertInertAnswer(payload);
        browser.screenshot("09-xss-answer");
        reload();
        assertInertAnswer(payload);
    }

    void assertInertAnswer(String payload) {
        WebElement body = lastBot().findElement(By.className("msg-body"));
        assertTrue(body.getText().contains(payload), "the answer's HTML is shown as text: " + body.getText());
        assertEquals("Bold", body.findElement(By.tagName("strong")).getText(), "Markdown still renders");
        assertTrue(body.findElements(By.cssSelector("img, script, a")).isEmpty(),
                "no element from the answer's HTML, and no javascript: link");
        assertNull(js("return window.__xss === undefined ? null : window.__xss"), "no script ran");
    }

    @Test
    void enterDuringImeCompositionDoesNotSend() {
        signIn();
        createRoom();
        WebElement input = browser.driver.findElement(By.id("composer-input"));
        input.sendKeys("안녕하세요");
        js("window.__sent = []; const send = WebSocket.prototype.send;"
                + "WebSocket.prototype.send = function (d) { window.__sent.push(d); return send.call(this, d); };");
        js("const el = document.getElementById('composer-input');"
                + "el.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', code: 'Enter', isComposing: true, bubbles: true, cancelable: true}));"
                + "el.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', code: 'Enter', keyCode: 229, bubbles: true, cancelable: true}));");
        sleep(600);
        assertEquals(0L, js("return window.__sent.length"), "nothing was sent while composing");
        assertEquals("안녕하세요", input.getAttribute("value"), "the text stays in the box");
        assertTrue(browser.driver.findElements(By.cssSelector("#message-list .msg-user")).isEmpty());

        input.sendKeys(Keys.ENTER); // the same key after the composition ends does send
        wait.until(d -> ((Number) js("return window.__sent.length")).intValue() == 1);
        assertTrue(((String) js("return window.__sent[0]")).contains("안녕하세요"));
        waitForAnswerEnd();
    }

    @Test
    void shiftEnterAddsALine() {
        signIn();
        createRoom();
        WebElement input = browser.driver.findElement(By.id("composer-input"));
        input.sendKeys("first line", Keys.chord(Keys.SHIFT, Keys.ENTER), "second line");
        assertEquals("first line\nsecond line", input.getAttribute("value"));
        assertTrue(browser.driver.findElements(By.cssSelector("#message-list .msg-user")).isEmpty());
    }

    @Test
    void roomsCanBeRenamedAndDeleted() {
        signIn();
        createRoom();
        WebElement room = rooms().get(0);
        String id = room.getAttribute("data-id");
        room.findElement(By.className("room-rename")).click();
        WebElement field = browser.driver.findElement(By.cssSelector(".rename-form input"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "주거 지원 <b>문의</b>", Keys.ENTER);
        wait.until(d -> text(By.cssSelector("#room-list li[data-id='" + id + "'] .room-open")).equals("주거 지원 <b>문의</b>"));
        assertEquals("주거 지원 <b>문의</b>", text(By.id("room-title")));
        browser.screenshot("10-renamed");

        browser.driver.findElement(By.cssSelector("#room-list li[data-id='" + id + "'] .room-delete")).click();
        WebElement ok = wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-ok")));
        browser.screenshot("11-delete-confirm");
        ok.click();
        wait.until(d -> d.findElements(By.cssSelector("#room-list li[data-id='" + id + "']")).isEmpty());
        browser.driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-rooms")));
        assertTrue(browser.driver.findElements(By.cssSelector("#room-list li[data-id='" + id + "']")).isEmpty(),
                "the deleted room stays gone");
    }

    @Test
    void phoneLayoutAndKoreanInterface() {
        signIn();
        createRoom();
        browser.size(390, 844);
        ask("청년 창업 지원");
        waitForAnswerEnd();
        browser.screenshot("12-phone");
        WebElement menu = browser.driver.findElement(By.id("menu-button"));
        assertTrue(menu.isDisplayed(), "a menu button opens the rooms on a phone");
        menu.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-room")));
        browser.screenshot("13-phone-menu");
        new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.size(1280, 860);
        browser.driver.findElement(By.cssSelector(".topbar .lang-toggle")).click();
        wait.until(d -> "ko".equals(js("return document.documentElement.lang")));
        assertEquals("새 채팅", text(By.cssSelector("#new-room span")));
        browser.screenshot("14-korean");
        browser.driver.findElement(By.cssSelector(".topbar .lang-toggle")).click();
        wait.until(d -> "en".equals(js("return document.documentElement.lang")));
    }

    @Test
    void theProfileIsSetInThePageAndKept() {
        String user = signIn();
        Api rest = new Api(Api.loopback(deployed));
        WebElement summary = browser.driver.findElement(By.id("profile-summary"));
        wait.until(d -> summary.getAttribute("class").contains("empty-profile"));

        browser.driver.findElement(By.id("profile-edit")).click();
        WebElement age = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-age")));
        age.sendKeys("26");
        new Select(browser.driver.findElement(By.id("profile-province"))).selectByValue("서울");
        new Select(browser.driver.findElement(By.id("profile-district"))).selectByValue("마포구");
        new Select(browser.driver.findElement(By.id("profile-status"))).selectByValue("JOB_SEEKER");
        browser.driver.findElement(By.id("profile-interests")).sendKeys("주거, 취업");
        browser.screenshot("15-profile-dialog");
        browser.driver.findElement(By.id("profile-save")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("profile-dialog")));
        wait.until(d -> summary.getText().startsWith("서울 마포구"));
        assertEquals("서울 마포구 · age 26 · Job seeker · 주거, 취업", summary.getText());

        com.fasterxml.jackson.databind.JsonNode stored = rest.get("api/profile", devToken(user)).json();
        assertEquals(26, stored.path("age").asInt());
        assertEquals("서울", stored.path("province").asText());
        assertEquals("마포구", stored.path("district").asText());
        assertEquals("JOB_SEEKER", stored.path("status").asText());
        assertEquals("[\"주거\",\"취업\"]", stored.path("interests").toString());

        // A refused value is explained in the dialog and changes nothing.
        browser.driver.findElement(By.id("profile-edit")).click();
        WebElement again = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-age")));
        again.sendKeys(Keys.chord(Keys.CONTROL, "a"), "7");
        browser.driver.findElement(By.id("profile-save")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-error")));
        assertTrue(error.getText().contains("age"), error.getText());
        browser.screenshot("16-profile-refused");
        browser.driver.findElement(By.id("profile-cancel")).click();
        assertEquals(26, rest.get("api/profile", devToken(user)).json().path("age").asInt());

        browser.driver.navigate().refresh();
        wait.until(d -> d.findElement(By.id("profile-summary")).getText().startsWith("서울 마포구"));
        browser.driver.findElement(By.cssSelector(".topbar .lang-toggle")).click();
        wait.until(d -> d.findElement(By.id("profile-summary")).getText().equals("서울 마포구 · 26세 · 취업준비생 · 주거, 취업"));
        browser.driver.findElement(By.cssSelector(".topbar .lang-toggle")).click();
        browser.driver.findElement(By.id("profile-edit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-age")));
        assertEquals("마포구", new Select(browser.driver.findElement(By.id("profile-district"))).getFirstSelectedOption().getAttribute("value"));
        browser.driver.findElement(By.id("profile-clear")).click();
        wait.until(d -> d.findElement(By.id("profile-summary")).getAttribute("class").contains("empty-profile"));
        assertTrue(rest.get("api/profile", devToken(user)).json().path("province").isNull(), "cleared on the server too");
    }

    // ------------------------------------------------------------------ steps

    void open() {
        browser.driver.get(base + "/");
        js("sessionStorage.clear()");
        browser.driver.navigate().refresh();
    }

    String signIn() {
        open();
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.id("dev-signin")));
        WebElement name = browser.driver.findElement(By.id("dev-user"));
        name.clear();
        String user = uniqueUser();
        name.sendKeys(user);
        button.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-room")));
        return user;
    }

    void createRoom() {
        int before = rooms().size();
        browser.driver.findElement(By.id("new-room")).click();
        wait.until(d -> rooms().size() == before + 1);
        wait.until(d -> "connected".equals(status()));
    }

    void ask(String question) {
        wait.until(d -> "connected".equals(status()));
        int bots = browser.driver.findElements(By.cssSelector("#message-list .msg-bot")).size();
        WebElement input = browser.driver.findElement(By.id("composer-input"));
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", input, question);
        input.sendKeys(Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#message-list .msg-bot")).size() == bots + 1);
    }

    void waitForAnswerEnd() {
        new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> !"streaming".equals(lastBot().getAttribute("data-status")));
    }

    void reload() {
        browser.driver.navigate().refresh();
        wait.until(d -> "connected".equals(status()));
        wait.until(d -> !d.findElements(By.cssSelector("#message-list .msg")).isEmpty()
                || d.findElement(By.id("empty-room")).isDisplayed());
    }

    void recordRenders() {
        js("window.__renders = [];"
                + "new MutationObserver(() => {"
                + "  const li = [...document.querySelectorAll('#message-list .msg-bot')].pop();"
                + "  if (li && li.dataset.status === 'streaming') {"
                + "    const t = li.querySelector('.msg-body').innerText;"
                + "    if (window.__renders[window.__renders.length - 1] !== t) window.__renders.push(t);"
                + "  }"
                + "}).observe(document.getElementById('message-list'), {subtree: true, childList: true, characterData: true});");
    }

    @SuppressWarnings("unchecked")
    List<String> renders() {
        return new ArrayList<>((List<String>) js("return window.__renders"));
    }

    void assertInert(String payload) {
        List<WebElement> users = browser.driver.findElements(By.cssSelector("#message-list .msg-user .msg-body"));
        WebElement question = users.get(users.size() - 1);
        assertEquals(payload, question.getText(), "the question is shown exactly as typed");
        assertTrue(question.findElements(By.xpath(".//*")).isEmpty(), "no element was made from the question");
        assertTrue(browser.driver.findElements(By.cssSelector("#message-list img, #message-list script, #message-list a[href^='javascript']")).isEmpty());
        assertNull(js("return window.__xss === undefined ? null : window.__xss"), "no script ran");
    }

    List<WebElement> rooms() {
        return browser.driver.findElements(By.cssSelector("#room-list li.room"));
    }

    WebElement lastBot() {
        List<WebElement> bots = browser.driver.findElements(By.cssSelector("#message-list .msg-bot"));
        return bots.get(bots.size() - 1);
    }

    String status() {
        return browser.driver.findElement(By.id("status")).getAttribute("data-state");
    }

    String text(By by) {
        return browser.driver.findElement(by).getText();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver).executeScript(script, args);
    }

    String devToken(String user) {
        return new Api(java.net.URI.create(base + "/")).devToken(user);
    }

    static String uniqueUser() {
        return "ui-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
