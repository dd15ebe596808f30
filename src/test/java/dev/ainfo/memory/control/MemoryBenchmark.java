package dev.ainfo.memory.control;

import dev.ainfo.testing.RedisProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ainfo.assistant.control.OfflineComposer;
import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySettings;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Measures, not asserts: a 20-turn Korean conversation about real policies from the bundled corpus,
 * answered in the offline composer's format, remembered with the default limit of 200 tokens.
 * Reports Redis bytes for the conversation (MEMORY USAGE), summarising latency and the prompt
 * tokens memory sends compared with the whole history. Run it on its own:
 * {@code mvn -q -o test -Dtest=MemoryBenchmark}; the report lands in target/memory-benchmark.txt.
 */
class MemoryBenchmark {

    private static final int TURNS = 20;
    private static final TokenCounter TOKENS = TokenCounter.forModel("gpt-4o-mini");

    /** Times each call of the real summariser it wraps. */
    static final class Timed implements Summarizer {
        final Summarizer inner;
        final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

        Timed(Summarizer inner) {
            this.inner = inner;
        }

        @Override
        public String summarize(String previousSummary, List<MemoryMessage> newLines) {
            long start = System.nanoTime();
            try {
                return inner.summarize(previousSummary, newLines);
            } finally {
                nanos.add(System.nanoTime() - start);
            }
        }
    }

    record Turn(String question, String answer) {
    }

    @Test
    void twentyTurns() throws Exception {
        List<Turn> turns = conversation();
        StringBuilder report = new StringBuilder();
        try (RedisProcess redis = RedisProcess.start();
             FakeOpenAi openAi = new FakeOpenAi(body -> "사용자는 청년 정책의 지원 내용, 대상 연령, 신청 방법을 차례로 물었고, "
                     + "AI는 각 정책의 기관, 지원 내용과 신청 링크를 안내했다. 최근에는 주거와 일자리 지원을 물었다.")) {
            RedissonClient client = redis.client();
            try {
                ExtractiveSummarizer extractive = new ExtractiveSummarizer(TOKENS, 400);
                report.append(run("offline (extractive summary)", client, new Timed(extractive), turns, "offline",
                        MemorySettings.defaults()));
                report.append(run("offline, ainfo.memory.max-token-limit=1000 (for comparison)", client,
                        new Timed(extractive), turns, "offline-1000", MemorySettings.defaults().withMaxTokenLimit(1000)));
                OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("none")
                        .modelName("gpt-4o-mini").maxRetries(0).build();
                report.append(run("model summary (langchain4j OpenAI client -> local fake server, so no inference time)",
                        client, new Timed(new ModelSummarizer(model, extractive)), turns, "model", MemorySettings.defaults()));
            } finally {
                client.shutdown();
            }
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "memory-benchmark.txt"), report);
    }

    private static String run(String title, RedissonClient client, Timed summarizer, List<Turn> turns, String user,
                              MemorySettings settings) {
        StoredLog log = new StoredLog();
        MemoryStore store = new MemoryStore(client, TOKENS, summarizer, log, settings);
        List<MemoryMessage> history = new ArrayList<>();
        long wholeHistoryTokens = 0;
        long memoryTokens = 0;
        List<Long> loads = new ArrayList<>();
        List<Long> remembers = new ArrayList<>();
        // warm-up outside the measured conversation: class loading, connections, first HTTP call
        store.remember(user + "-warmup", 1, 1, turns.get(0).question(), turns.get(0).answer());
        store.remember(user + "-warmup", 1, 2, turns.get(1).question(), turns.get(1).answer());
        summarizer.nanos.clear();
        for (Turn turn : turns) {
            log.question(turn.question());
            long start = System.nanoTime();
            MemorySnapshot memory = store.load(user, 1);
            loads.add(System.nanoTime() - start);
            wholeHistoryTokens += TOKENS.count(history);
            memoryTokens += TOKENS.count(memory.summary()) + TOKENS.count(memory.messages());
            long id = log.answer(turn.answer());
            start = System.nanoTime();
            store.remember(user, 1, id, turn.question(), turn.answer());
            remembers.add(System.nanoTime() - start);
            history.add(new MemoryMessage("user", turn.question()));
            history.add(new MemoryMessage("bot", turn.answer()));
        }
        String key = MemoryStore.key(user, 1);
        Long bytes = client.getMap(key, StringCodec.INSTANCE).sizeInMemory();
        var hash = client.<String, String>getMap(key, StringCodec.INSTANCE).readAllMap();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n== %s ==%n", title));
        out.append(String.format(Locale.ROOT, "turns: %d, whole history after the last turn: %d tokens (%s)%n",
                turns.size(), TOKENS.count(history), TOKENS.encodingName()));
        out.append(String.format(Locale.ROOT, "Redis MEMORY USAGE of %s: %d bytes (summary %d chars, messages %d chars, buffer %s tokens)%n",
                key, bytes, hash.get("summary").length(), hash.get("messages").length(), hash.get("tokens")));
        out.append(String.format(Locale.ROOT, "prompt memory tokens over %d questions: whole history %d, summary+buffer %d, saved %d (%.1f%%)%n",
                turns.size(), wholeHistoryTokens, memoryTokens, wholeHistoryTokens - memoryTokens,
                100.0 * (wholeHistoryTokens - memoryTokens) / wholeHistoryTokens));
        out.append(String.format(Locale.ROOT, "summaries written: %d; summariser ms p50 %.2f max %.2f%n",
                summarizer.nanos.size(), percentile(summarizer.nanos, 50), percentile(summarizer.nanos, 100)));
        out.append(String.format(Locale.ROOT, "remember() after done, ms p50 %.2f max %.2f; load() on the answer path, ms p50 %.2f max %.2f%n",
                percentile(remembers, 50), percentile(remembers, 100), percentile(loads, 50), percentile(loads, 100)));
        return out.toString();
    }

    private static double percentile(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** Questions about real policies, answered as the offline composer answers them. */
    private static List<Turn> conversation() throws Exception {
        Path corpus = Path.of(System.getProperty("ainfo.shared.dir", "../shared"), "data", "policies",
                "youthcenter_policies_normalized_2026.json");
        JsonNode records = new ObjectMapper().readTree(corpus.toFile());
        String[] asks = {"%s 지원 내용이 뭐예요?", "%s 신청 대상은 누구인가요?", "%s 어떻게 신청하나요?", "%s 기간은 언제까지예요?"};
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < TURNS; i++) {
            JsonNode a = records.get(i * 37 % records.size());
            JsonNode b = records.get((i * 37 + 11) % records.size());
            String question = String.format(asks[i % asks.length], a.path("name").asText());
            turns.add(new Turn(question, OfflineComposer.compose(question,
                    List.of(new PolicyHit(policy(a), 1, ""), new PolicyHit(policy(b), 0.5, "")))));
        }
        return turns;
    }

    private static Policy policy(JsonNode r) {
        return new Policy(r.path("id").asText(), r.path("name").asText(), r.path("org").asText(),
                r.path("refUrl").asText(), r.path("category").asText(), r.path("subCategory").asText(),
                r.path("summary").asText(), r.path("support").asText(), "", "", "", "", "",
                null, null, r.path("nationwide").asBoolean(), List.of(), List.of(), List.of(), "");
    }
}
