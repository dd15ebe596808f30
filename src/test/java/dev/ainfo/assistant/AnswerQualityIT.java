package dev.ainfo.assistant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ainfo.assistant.AnswerQualitySet.Item;
import dev.ainfo.testing.Api;
import dev.ainfo.testing.ChatClient;
import dev.ainfo.testing.Deployments;
import dev.ainfo.testing.TestKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The answer-quality evaluation (docs/evaluation.md): every question of
 * src/test/resources/eval/questions.jsonl asked through the real chat socket of the real WAR with
 * the embedded defaults (offline answerer, embedded Redis, default memory), one user and room per
 * item, the turns of a conversation in order. {@code done.sources} is scored against the labels; the
 * report goes to target/eval/report.md, and the dev half's answers to target/eval/dev-answers.tsv.
 *
 * <p>The floors are regression guards set well below the measured values, not targets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnswerQualityIT {

    static final Duration ANSWER = Duration.ofSeconds(30);
    /** A person reads the answer before the follow-up; the memory update runs meanwhile. */
    static final long THINK_MILLIS = Long.getLong("eval.think-millis", 300);
    /** Items asked at once, each by its own user; answers do not depend on it. */
    static final int PARALLEL = Integer.getInteger("eval.parallel", 4);

    /** Floors per split, as shares: first source right and some source right (answerable), unanswerable declined. */
    static final double FLOOR_FIRST = 0.55;
    static final double FLOOR_SOME = 0.70;
    static final double FLOOR_UNANSWERABLE_DECLINED = 0.75;
    /** Declining everything would keep the unanswerable floor; this keeps answers coming. */
    static final double CEILING_ANSWERABLE_DECLINED = 0.20;

    @ArquillianResource
    URL deployed;

    /** What the socket answered to one item: the cited ids of each turn, and the turns (1-based) that did not complete. */
    record Asked(Item item, List<List<String>> cited, List<Integer> incomplete) {
    }

    @Deployment
    static WebArchive deployment() {
        Map<String, String> config = new HashMap<>(TestKeys.config());
        // Offline answers stream word by word; 1 ms a word keeps the run short. (At 1 µs a short
        // answer can finish before OfflineAnswerer has stored its ticker, and no done frame follows.)
        config.put("ainfo.offline.token-interval", "PT0.001S");
        return Deployments.war("answer-quality", config);
    }

    @Test
    void answersThroughTheChatSocketAreScored() throws Exception {
        URI http = Api.loopback(deployed);
        Api api = new Api(http).awaitReady(Duration.ofMinutes(5));
        AnswerQualitySet set = AnswerQualitySet.load();
        long started = System.nanoTime();
        List<Asked> asked = askAll(set, api, Api.webSocketBase(http));
        double seconds = (System.nanoTime() - started) / 1e9;

        AnswerQualityScore score = new AnswerQualityScore();
        StringBuilder devAnswers = new StringBuilder("item\tturn\tkind\tright\tcited\task\n");
        List<String> incomplete = new ArrayList<>();
        for (Asked a : asked) {
            a.incomplete().forEach(turn -> incomplete.add(a.item().id() + "#" + turn));
            for (int turn = 0; turn < a.cited().size(); turn++) {
                List<String> cited = a.cited().get(turn);
                score.record(a.item(), turn, cited);
                if (a.item().split().equals("dev")) {
                    boolean right = !cited.isEmpty() && a.item().turns().get(turn).answers().contains(cited.get(0));
                    devAnswers.append(String.join("\t", a.item().id(), String.valueOf(turn + 1), a.item().kind(),
                            cited.isEmpty() ? "declined" : right ? "first" : "no", String.join(" ", cited),
                            a.item().turns().get(turn).ask())).append('\n');
                }
            }
        }
        String report = String.format(Locale.ROOT, "## Answer quality through the chat socket%n%n"
                + "%d items, %d turns not completed (error, or stopped after %d s)%s; %.0f s of asking, %d at a time "
                + "(timing is noisy on a shared machine).%n", set.items().size(), incomplete.size(), ANSWER.toSeconds(),
                incomplete.isEmpty() ? "" : " " + incomplete, seconds, PARALLEL) + score.markdown();
        Path dir = Path.of("target", "eval");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.md"), report, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("dev-answers.tsv"), devAnswers, StandardCharsets.UTF_8);
        System.out.println(report);

        for (String split : List.of("dev", "heldout")) {
            AnswerQualityScore.Tally answerable = score.tally(split, "all answerable");
            AnswerQualityScore.Tally unanswerable = score.tally(split, "unanswerable");
            assertTrue(answerable.firstRate() >= FLOOR_FIRST, split + ": first source right fell to " + answerable.firstRate());
            assertTrue(answerable.someRate() >= FLOOR_SOME, split + ": some source right fell to " + answerable.someRate());
            assertTrue(unanswerable.declinedRate() >= FLOOR_UNANSWERABLE_DECLINED,
                    split + ": unanswerable declined fell to " + unanswerable.declinedRate());
            assertTrue(answerable.declinedRate() <= CEILING_ANSWERABLE_DECLINED,
                    split + ": answerable declined rose to " + answerable.declinedRate());
        }
    }

    private static List<Asked> askAll(AnswerQualitySet set, Api api, URI ws) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Asked>> futures = new ArrayList<>();
            for (Item item : set.items()) {
                futures.add(pool.submit(() -> ask(item, api, ws)));
            }
            List<Asked> asked = new ArrayList<>();
            for (Future<Asked> future : futures) {
                asked.add(future.get());
            }
            return asked;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Asked ask(Item item, Api api, URI ws) throws InterruptedException {
        String token = TestKeys.token("eval-" + UUID.randomUUID());
        long room = api.createRoom(token, item.id());
        List<List<String>> cited = new ArrayList<>();
        List<Integer> incomplete = new ArrayList<>();
        try (ChatClient chat = ChatClient.connect(ws, room, token)) {
            chat.nextOfType("history", ANSWER);
            for (int turn = 0; turn < item.turns().size(); turn++) {
                if (turn > 0) {
                    Thread.sleep(THINK_MILLIS);
                }
                chat.ask(item.turns().get(turn).ask());
                JsonNode end = answer(chat);
                if (!end.path("type").asText().equals("done") || !end.path("status").asText().equals("complete")) {
                    incomplete.add(turn + 1);
                }
                List<String> ids = new ArrayList<>();
                end.path("sources").forEach(s -> ids.add(s.path("id").asText()));
                cited.add(ids);
            }
        }
        return new Asked(item, cited, List.copyOf(incomplete));
    }

    /** The done (or error) frame of the answer in progress; an answer that never ends is stopped. */
    private static JsonNode answer(ChatClient chat) {
        try {
            List<JsonNode> frames = chat.untilEnd(ANSWER);
            return frames.get(frames.size() - 1);
        } catch (AssertionError noEnd) {
            chat.stop();
            List<JsonNode> frames = chat.untilEnd(ANSWER);
            return frames.get(frames.size() - 1);
        }
    }
}
