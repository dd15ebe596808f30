package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.control.PolicySearcher.Mode;
import dev.ainfo.knowledge.control.PolicySearcher.Tuning;
import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.assistant.control.FollowUps;
import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.QuestionFacts;
import dev.ainfo.memory.entity.ConversationTopic;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retrieval quality on the hand-labelled question set: hit@1, hit@5 and MRR@10 per kind and language,
 * the abstention rate, the character-bigram TF-IDF baseline, and the filter and threshold choices the
 * defaults rest on. Run alone with {@code ./mvnw -q test -Dtest=RetrievalEvaluationTest}. The floors
 * asserted are well below the measured figures (see the README), so the test guards regressions only.
 */
class RetrievalEvaluationTest {

    static final double KOREAN_HIT5_FLOOR = 0.80;
    static final double KOREAN_MRR_FLOOR = 0.65;
    static final double ENGLISH_HIT5_FLOOR = 0.60;
    /**
     * Abstention is set on the end-to-end evaluation's dev half (docs/evaluation.md), where it declines 16
     * of 18 unanswerable turns and 9 % of answerable ones. This older set's unanswerable questions are
     * mostly partial matches (강아지 예방접종 → the HPV vaccination programme), answered as the closest fit.
     */
    static final double UNANSWERABLE_ABSTAIN_FLOOR = 0.3;
    static final double ANSWERABLE_ABSTAIN_CEILING = 0.15;

    static List<Policy> corpus;
    static PolicySearcher searcher;
    static EvalSet eval;
    static double minCoverage;
    static double minScore;

    @BeforeAll
    static void open() {
        corpus = Corpus.shipped();
        IndexStore.Opened opened = IndexStore.open(corpus, Path.of("target", "ainfo-eval-data"));
        searcher = opened.searcher();
        eval = EvalSet.load();
        minCoverage = Double.parseDouble(ConfigDefaults.value("ainfo.knowledge.min-coverage"));
        minScore = Double.parseDouble(ConfigDefaults.value("ainfo.knowledge.min-score"));
        System.out.printf("%nindex %s in %d ms, %d policies, %d questions%n",
                opened.loaded() ? "loaded" : "built", opened.millis(), searcher.size(), eval.items().size());
    }

    /** What the assistant searches for: the question, or a follow-up made to stand alone. */
    static String query(EvalSet.Item item) {
        if (item.previous() == null) {
            return item.question();
        }
        MemorySnapshot memory = new MemorySnapshot("", List.of(new MemoryMessage("user", item.previous()),
                new MemoryMessage("bot", "…")));
        FollowUps.Resolved resolved = followUps().resolve(item.question(), ConversationTopic.NONE, memory, null);
        // The searcher reads the asker's facts from the text; the assistant hands them over instead.
        QuestionFacts f = resolved.facts();
        return resolved.query() + (f.province() == null ? "" : " " + f.province()) + (f.age() == null ? "" : " " + f.age() + "살");
    }

    private static FollowUps followUps;

    /** The assistant's follow-up handling over the same index on disk. */
    static synchronized FollowUps followUps() {
        if (followUps == null) {
            followUps = new FollowUps(TestIndexes.open(java.time.Clock.systemDefaultZone()));
        }
        return followUps;
    }

    record Row(String group, int n, double hit1, double hit5, double mrr, double abstain) {
        @Override
        public String toString() {
            return String.format("| %-20s | %3d | %5.2f | %5.2f | %6.2f | %8.2f |", group, n, hit1, hit5, mrr, abstain);
        }
    }

    static Map<String, Row> measure(Function<EvalSet.Item, List<PolicyHit>> ranker, boolean perKind) {
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        for (EvalSet.Item item : eval.items()) {
            List<PolicyHit> hits = ranker.apply(item);
            List<String> ids = hits.stream().map(h -> h.policy().id()).toList();
            int rank = -1;
            for (int i = 0; i < Math.min(10, ids.size()); i++) {
                if (item.gold().contains(ids.get(i))) {
                    rank = i + 1;
                    break;
                }
            }
            boolean abstained = PolicyIndex.abstains(hits, minCoverage, minScore);
            double[] m = {rank == 1 ? 1 : 0, rank >= 1 && rank <= 5 ? 1 : 0, rank >= 1 ? 1.0 / rank : 0, abstained ? 1 : 0,
                    item.answerable() ? 1 : 0};
            String lang = item.language();
            if (perKind) {
                groups.computeIfAbsent(item.kind() + " (" + lang + ")", k -> new ArrayList<>()).add(m);
            }
            String all = item.answerable() ? "ALL answerable (" + lang + ")" : "ALL unanswerable (" + lang + ")";
            groups.computeIfAbsent(all, k -> new ArrayList<>()).add(m);
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        groups.forEach((group, ms) -> rows.put(group, new Row(group, ms.size(), mean(ms, 0), mean(ms, 1), mean(ms, 2), mean(ms, 3))));
        return rows;
    }

    static double mean(List<double[]> ms, int i) {
        return ms.stream().mapToDouble(m -> m[i]).average().orElse(0);
    }

    static void print(String title, Map<String, Row> rows) {
        System.out.println("\n" + title);
        System.out.println("| group                |   n | hit@1 | hit@5 | MRR@10 | abstain |");
        System.out.println("|----------------------|-----|-------|-------|--------|---------|");
        rows.values().forEach(System.out::println);
    }

    @Test
    void retrievalBeatsTheBaselineAndMeetsTheFloors() {
        Map<String, Row> ours = measure(item -> searcher.search(query(item), 10), true);
        print("Nori BM25 + question filters (the default), min-coverage " + minCoverage + ", min-score " + minScore, ours);

        BigramBaseline baseline = new BigramBaseline(corpus);
        Map<String, Row> base = measure(item -> baseline.search(query(item), 10).stream()
                .map(id -> new PolicyHit(searcher.policy(id), 0, 1.0, "")).toList(), false);
        print("Baseline: character-bigram TF-IDF, cosine (abstention not applicable)", base);

        Row ko = ours.get("ALL answerable (ko)");
        Row en = ours.get("ALL answerable (en)");
        Row koBase = base.get("ALL answerable (ko)");
        assertTrue(ko.hit5() >= KOREAN_HIT5_FLOOR, "Korean hit@5 " + ko.hit5());
        assertTrue(ko.mrr() >= KOREAN_MRR_FLOOR, "Korean MRR@10 " + ko.mrr());
        assertTrue(en.hit5() >= ENGLISH_HIT5_FLOOR, "English hit@5 " + en.hit5());
        assertTrue(ko.mrr() > koBase.mrr() && ko.hit5() > koBase.hit5(), "beats the bigram baseline");
        assertTrue(ours.get("ALL unanswerable (ko)").abstain() >= UNANSWERABLE_ABSTAIN_FLOOR, "abstains on unanswerable");
        assertTrue(ko.abstain() <= ANSWERABLE_ABSTAIN_CEILING, "rarely abstains on answerable Korean questions");
    }

    @Test
    void filterChoicesAndThresholdAreMeasured() {
        System.out.println("\nHow region and age read from the question are used (answerable questions)");
        System.out.println("| region | age    | category | hit@5 ko | MRR ko | hit@5 en | MRR en |");
        System.out.println("|--------|--------|----------|----------|--------|----------|--------|");
        for (Mode region : Mode.values()) {
            for (Mode age : List.of(Mode.FILTER, Mode.BOOST, Mode.IGNORE)) {
                for (boolean category : List.of(true, false)) {
                    if (!category && (region != Mode.FILTER || age != Mode.FILTER)) {
                        continue;
                    }
                    Tuning tuning = new Tuning(region, age, category);
                    Map<String, Row> rows = measure(item -> searcher.search(query(item), 10, tuning), false);
                    Row ko = rows.get("ALL answerable (ko)");
                    Row en = rows.get("ALL answerable (en)");
                    System.out.printf("| %-6s | %-6s | %-8s | %8.2f | %6.2f | %8.2f | %6.2f |%n",
                            region, age, category, ko.hit5(), ko.mrr(), en.hit5(), en.mrr());
                }
            }
        }
        System.out.println("\nAbstention by min-coverage (share of questions abstained on)");
        System.out.println("| min-coverage | answerable ko | answerable en | unanswerable ko | unanswerable en |");
        System.out.println("|--------------|---------------|---------------|-----------------|-----------------|");
        double saved = minCoverage;
        try {
            for (double t = 0.3; t <= 0.81; t += 0.05) {
                minCoverage = t;
                Map<String, Row> rows = measure(item -> searcher.search(query(item), 10), false);
                System.out.printf("| %12.2f | %13.2f | %13.2f | %15.2f | %15.2f |%n", t,
                        rows.get("ALL answerable (ko)").abstain(), rows.get("ALL answerable (en)").abstain(),
                        rows.get("ALL unanswerable (ko)").abstain(), rows.get("ALL unanswerable (en)").abstain());
            }
        } finally {
            minCoverage = saved;
        }
    }
}
