package dev.ainfo.assistant;

import dev.ainfo.assistant.AnswerQualitySet.Item;
import dev.ainfo.assistant.AnswerQualitySet.Turn;
import dev.ainfo.assistant.control.FollowUps;
import dev.ainfo.knowledge.control.PolicyIndex;
import dev.ainfo.knowledge.control.TestIndexes;
import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.Retrieval;
import dev.ainfo.memory.entity.ConversationTopic;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer-quality set asked in-process, on the offline path the chat uses (follow-up resolution with
 * the carried topic, retrieval, the three cited records), in seconds instead of a server run. It is for
 * tuning on the dev half only; the measure of record stays {@link AnswerQualityIT}, through the socket.
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=dev.ainfo.assistant.AnswerQualityProbe -Dexec.classpathScope=test</pre>
 * (argument: the split, default dev); each turn's verdict, query and hits go to target/eval/probe-&lt;split&gt;.tsv.
 */
public final class AnswerQualityProbe {

    private static final int CITED = 3;
    private static final int CONTEXT = 5;

    private AnswerQualityProbe() {
    }

    /** Asks every item of {@code split}; writes one line per turn to {@code turns} when given. */
    public static AnswerQualityScore ask(PolicyIndex index, String split, Path turns) throws IOException {
        FollowUps followUps = new FollowUps(index);
        AnswerQualityScore score = new AnswerQualityScore();
        List<String> lines = new ArrayList<>();
        for (Item item : AnswerQualitySet.load().items()) {
            if (!item.split().equals(split)) {
                continue;
            }
            ConversationTopic topic = ConversationTopic.NONE;
            List<MemoryMessage> buffer = new ArrayList<>();
            for (int i = 0; i < item.turns().size(); i++) {
                Turn turn = item.turns().get(i);
                FollowUps.Resolved resolved = followUps.resolve(turn.ask(), topic, new MemorySnapshot("", List.copyOf(buffer)), null);
                topic = resolved.next();
                Retrieval retrieval = index.retrieve(resolved.query(), resolved.facts(), CONTEXT);
                List<String> cited = retrieval.grounded().stream().limit(CITED).map(h -> h.policy().id()).toList();
                score.record(item, i, cited);
                buffer.add(new MemoryMessage("user", turn.ask()));
                lines.add(String.join("\t", item.id(), item.kind(), String.valueOf(i + 1), verdict(turn, cited),
                        turn.ask(), resolved.query(), titles(retrieval), String.valueOf(turn.answers().size())));
            }
        }
        if (turns != null) {
            Files.createDirectories(turns.getParent());
            Files.write(turns, lines, StandardCharsets.UTF_8);
        }
        return score;
    }

    private static String verdict(Turn turn, List<String> cited) {
        if (!turn.answerable()) {
            return cited.isEmpty() ? "declined-ok" : "answered-unanswerable";
        }
        if (cited.isEmpty()) {
            return "declined";
        }
        return turn.answers().contains(cited.get(0)) ? "first" : cited.stream().anyMatch(turn.answers()::contains) ? "some" : "wrong";
    }

    private static String titles(Retrieval retrieval) {
        StringBuilder out = new StringBuilder();
        for (PolicyHit hit : retrieval.hits()) {
            out.append(String.format(java.util.Locale.ROOT, "%s[%.2f/%.1f] ", hit.policy().title(), hit.coverage(), hit.score()));
        }
        return out.toString().strip();
    }

    public static void main(String[] args) throws IOException {
        String split = args.length > 0 ? args[0] : "dev";
        PolicyIndex index = TestIndexes.open(Clock.system(ZoneId.of("Asia/Seoul")));
        try {
            AnswerQualityScore score = ask(index, split, Path.of("target", "eval", "probe-" + split + ".tsv"));
            System.out.println(score.markdown());
        } finally {
            TestIndexes.close(index);
        }
    }
}
