package dev.ainfo.knowledge.control;

import dev.ainfo.assistant.control.FollowUps;
import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.QuestionFacts;
import dev.ainfo.knowledge.entity.Retrieval;
import dev.ainfo.memory.entity.ConversationTopic;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySnapshot;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a timed assertion: the CPU time the knowledge side spends on one chat question, as
 * the assistant asks it with a 4-message memory (isFollowUp, FollowUps.resolve, retrieve with snippets).
 * Thread CPU time, not wall time, because the machine is shared. It also writes every result to
 * target/question-path-results.txt and prints their digest, so a speed-up can be shown to change nothing.
 * Not part of the normal test run; run it with {@code ./mvnw -q -o test -Dtest=QuestionPathBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Questions repeat from round to round, so Lucene's term
 * lookups are cached as on a warm server; the analyses kept for one turn are not reused across rounds.
 */
class QuestionPathBenchmark {

    static final int WARM_UP_ROUNDS = 3;
    static final int ROUNDS = 10;
    static final int CONTEXT_RECORDS = 5;
    static final String BOT_ANSWER = """
            부산청년 기쁨두배통장은 부산에 사는 만 18~34세 근로 청년이 매달 10만 원을 저축하면 부산시가 같은 금액을 \
            더해 주는 사업입니다. 신청은 부산청년플랫폼에서 하고, 소득 기준과 근로 여부를 확인하는 서류가 필요합니다. \
            자세한 조건은 공고를 확인하세요.""";

    PolicyIndex index;
    FollowUps followUps;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @BeforeEach
    void open() {
        index = new PolicyIndex();
        index.dataDir = Path.of("target", "ainfo-eval-data").toString();
        index.source = Optional.empty();
        index.minCoverage = Double.parseDouble(ConfigDefaults.value("ainfo.knowledge.min-coverage"));
        index.readyTimeout = Duration.ofSeconds(60);
        index.reindex();
        followUps = new FollowUps(index);
    }

    @AfterEach
    void close() {
        index.close();
    }

    /** A turn of a chat: the question and what the assistant remembers before it. */
    record Turn(String question, MemorySnapshot memory) {
    }

    /** Every question of the evaluation set, every second one with a Latin tag, each after two earlier turns. */
    static List<Turn> turns() {
        List<String> questions = new ArrayList<>(List.of("청년 주거 지원 정책을 알려줘 (user-123 #2)",
                "그럼 신청은 어떻게 해요? (user-7 #3)", "월세 지원 받으려면 어떤 서류 필요해요? [room A-17]"));
        List<EvalSet.Item> items = EvalSet.load().items();
        for (int i = 0; i < items.size(); i++) {
            String q = items.get(i).question();
            questions.add(i % 2 == 0 ? q : q + " (user-" + (100 + i) + " #" + (i % 5 + 1) + ")");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            EvalSet.Item before = items.get((i + 7) % items.size());
            String first = before.previous() != null ? before.previous() : before.question();
            String second = items.get((i + 13) % items.size()).question();
            turns.add(new Turn(questions.get(i), new MemorySnapshot("", List.of(new MemoryMessage("user", first),
                    new MemoryMessage("bot", BOT_ANSWER), new MemoryMessage("user", second),
                    new MemoryMessage("bot", BOT_ANSWER)))));
        }
        return turns;
    }

    /** What PolicyAssistant.prepare asks of the knowledge side for one question with memory. */
    Retrieval ask(Turn turn, long[] cpu) {
        long c0 = threads.getCurrentThreadCpuTime();
        boolean followUp = followUps.isFollowUp(turn.question());
        long c1 = threads.getCurrentThreadCpuTime();
        FollowUps.Resolved resolved = followUps.resolve(turn.question(), ConversationTopic.NONE, turn.memory(), null);
        long c2 = threads.getCurrentThreadCpuTime();
        Retrieval retrieval = index.retrieve(resolved.query(), resolved.facts(), CONTEXT_RECORDS);
        long c3 = threads.getCurrentThreadCpuTime();
        cpu[0] = c1 - c0;
        cpu[1] = c2 - c1;
        cpu[2] = c3 - c2;
        return retrieval;
    }

    @Test
    void cpuPerQuestion() throws IOException {
        List<Turn> turns = turns();
        String digest = writeResults(turns);
        long[] cpu = new long[3];
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            turns.forEach(t -> ask(t, cpu));
        }
        List<Double> total = new ArrayList<>();
        List<Double> followUp = new ArrayList<>();
        List<Double> standalone = new ArrayList<>();
        List<Double> retrieve = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            for (Turn turn : turns) {
                ask(turn, cpu);
                followUp.add(cpu[0] / 1e6);
                standalone.add(cpu[1] / 1e6);
                retrieve.add(cpu[2] / 1e6);
                total.add((cpu[0] + cpu[1] + cpu[2]) / 1e6);
            }
        }
        System.out.printf("%nquestion path CPU time (%d questions x %d rounds, 4-message memory, retrieve k=%d)%n",
                turns.size(), ROUNDS, CONTEXT_RECORDS);
        print("whole path", total);
        print("isFollowUp", followUp);
        print("resolve", standalone);
        print("retrieve", retrieve);
        System.out.printf("results digest %s (target/question-path-results.txt); cores %d, load average %.2f%n", digest,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static void print(String stage, List<Double> millis) {
        Collections.sort(millis);
        System.out.printf("  %-11s p50 %6.3f ms, p95 %6.3f ms, p99 %6.3f ms, mean %6.3f ms%n", stage,
                SearchBenchmark.pct(millis, 50), SearchBenchmark.pct(millis, 95), SearchBenchmark.pct(millis, 99),
                millis.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    /** Every answer the path gives, plus the eval set searched with k=10, in one file and one digest. */
    String writeResults(List<Turn> turns) throws IOException {
        StringBuilder out = new StringBuilder();
        long[] cpu = new long[3];
        for (Turn turn : turns) {
            Retrieval r = ask(turn, cpu);
            out.append("Q ").append(turn.question()).append("\n  followUp=").append(followUps.isFollowUp(turn.question()))
                    .append("\n  query=").append(r.query()).append("\n  facts=").append(facts(r.facts()))
                    .append("\n  abstained=").append(r.abstained()).append('\n');
            r.hits().forEach(h -> line(out, h));
        }
        for (EvalSet.Item item : EvalSet.load().items()) {
            out.append("S ").append(item.question()).append('\n');
            index.search(item.question(), 10).forEach(h -> line(out, h));
        }
        Path file = Path.of("target", "question-path-results.txt");
        Files.writeString(file, out);
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(out.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The facts without the category: which of several cues wins follows Map.of order, which varies per JVM. */
    static String facts(QuestionFacts f) {
        return f.province() + " " + f.place() + " " + f.age() + " " + new TreeSet<>(f.aspects()) + " " + f.english()
                + " " + f.nationwide();
    }

    static void line(StringBuilder out, PolicyHit h) {
        out.append("  ").append(h.policy().id()).append(' ').append(h.score()).append(' ').append(h.coverage())
                .append(' ').append(h.snippet()).append('\n');
    }
}
