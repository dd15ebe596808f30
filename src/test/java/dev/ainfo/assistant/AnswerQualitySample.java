package dev.ainfo.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The seeded, stratified sample of policy records that the answer-quality questions were written
 * from (see docs/evaluation.md). Strata are the province (시/도; "전국" for nationwide records)
 * and the category, with the 2026 category names folded into the 2025 ones. Each province gets a
 * share of the sample proportional to the square root of its record count (so 대전's 9 records are
 * not drowned by 충남's 299), and within a province the categories take turns. The sampled records
 * are then dealt, again seeded, to the three kinds of question and to the dev and held-out halves.
 *
 * <p>Run {@code main} to print the sample; {@code AnswerQualitySetTest} checks that the committed
 * question file was written from exactly this sample.
 */
public final class AnswerQualitySample {

    public static final long SEED = 20261207L;
    public static final Map<String, Integer> KINDS = kinds();

    /** One sampled record: which question slot it seeds, its kind and half. */
    public record Slot(int number, String kind, String split, String policyId, String province, String category, String title) {
    }

    private AnswerQualitySample() {
    }

    private static Map<String, Integer> kinds() {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        kinds.put("conversation", 40);
        kinds.put("english", 40);
        kinds.put("single", 140);
        return kinds;
    }

    public static List<Slot> draw() {
        List<JsonNode> corpus = corpus();
        int total = KINDS.values().stream().mapToInt(Integer::intValue).sum();
        Random random = new Random(SEED);
        Map<String, List<JsonNode>> byProvince = new TreeMap<>();
        corpus.stream().sorted(Comparator.comparing(p -> p.path("id").asText()))
                .forEach(p -> byProvince.computeIfAbsent(province(p), k -> new ArrayList<>()).add(p));
        Map<String, Integer> quota = quotas(byProvince, total);
        List<JsonNode> sample = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> province : byProvince.entrySet()) {
            sample.addAll(roundRobinByCategory(province.getValue(), quota.get(province.getKey()), random));
        }
        Collections.shuffle(sample, random);
        List<Slot> slots = new ArrayList<>();
        int next = 0;
        for (Map.Entry<String, Integer> kind : KINDS.entrySet()) {
            List<JsonNode> ofKind = new ArrayList<>(sample.subList(next, next + kind.getValue()));
            next += kind.getValue();
            // Halves stratified by province: sorted by stratum, then alternate from a seeded coin.
            ofKind.sort(Comparator.comparing((JsonNode p) -> province(p)).thenComparing(p -> category(p))
                    .thenComparing(p -> p.path("id").asText()));
            boolean devFirst = random.nextBoolean();
            for (int i = 0; i < ofKind.size(); i++) {
                JsonNode p = ofKind.get(i);
                boolean dev = (i % 2 == 0) == devFirst;
                slots.add(new Slot(slots.size() + 1, kind.getKey(), dev ? "dev" : "heldout", p.path("id").asText(),
                        province(p), category(p), p.path("title").asText()));
            }
        }
        return slots;
    }

    /** Largest-remainder allocation proportional to the square root of each province's size. */
    static Map<String, Integer> quotas(Map<String, List<JsonNode>> byProvince, int total) {
        double weightSum = byProvince.values().stream().mapToDouble(l -> Math.sqrt(l.size())).sum();
        Map<String, Integer> quota = new TreeMap<>();
        Map<String, Double> remainder = new TreeMap<>();
        int given = 0;
        for (Map.Entry<String, List<JsonNode>> e : byProvince.entrySet()) {
            double exact = total * Math.sqrt(e.getValue().size()) / weightSum;
            int whole = Math.min((int) exact, e.getValue().size());
            quota.put(e.getKey(), whole);
            remainder.put(e.getKey(), exact - whole);
            given += whole;
        }
        List<String> byRemainder = new ArrayList<>(remainder.keySet());
        byRemainder.sort(Comparator.comparing((String k) -> -remainder.get(k)).thenComparing(k -> k));
        for (int i = 0; given < total; i = (i + 1) % byRemainder.size()) {
            String key = byRemainder.get(i);
            if (quota.get(key) < byProvince.get(key).size()) {
                quota.merge(key, 1, Integer::sum);
                given++;
            }
        }
        return quota;
    }

    private static List<JsonNode> roundRobinByCategory(List<JsonNode> records, int count, Random random) {
        Map<String, List<JsonNode>> byCategory = new TreeMap<>();
        records.forEach(p -> byCategory.computeIfAbsent(category(p), k -> new ArrayList<>()).add(p));
        byCategory.values().forEach(l -> Collections.shuffle(l, random));
        List<String> order = new ArrayList<>(byCategory.keySet());
        Collections.shuffle(order, random);
        List<JsonNode> picked = new ArrayList<>();
        for (int round = 0; picked.size() < count; round++) {
            for (String category : order) {
                List<JsonNode> pool = byCategory.get(category);
                if (round < pool.size() && picked.size() < count) {
                    picked.add(pool.get(round));
                }
            }
        }
        return picked;
    }

    /** The province stratum: the first listed region, or 전국 for nationwide records. */
    static String province(JsonNode policy) {
        JsonNode regions = policy.path("regions");
        return policy.path("nationwide").asBoolean() || regions.isEmpty() ? "전국" : regions.get(0).asText();
    }

    /** The category stratum, with the portal's 2026 names folded into the 2025 ones. */
    static String category(JsonNode policy) {
        String category = policy.path("category").asText();
        return switch (category) {
            case "금융･복지･문화" -> "복지문화";
            case "참여･기반" -> "참여권리";
            case "교육･직업훈련" -> "교육";
            case "" -> "기타";
            default -> category;
        };
    }

    /** The shipped corpus, as the WAR carries it. */
    public static List<JsonNode> corpus() {
        try (InputStream in = AnswerQualitySample.class.getClassLoader().getResourceAsStream("knowledge/policies.json.gz")) {
            List<JsonNode> all = new ArrayList<>();
            new ObjectMapper().readTree(new GZIPInputStream(in)).forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        System.out.println("slot\tkind\tsplit\tpolicy\tprovince\tcategory\ttitle");
        for (Slot s : draw()) {
            System.out.println(String.join("\t", String.valueOf(s.number()), s.kind(), s.split(), s.policyId(),
                    s.province(), s.category(), s.title()));
        }
    }
}
