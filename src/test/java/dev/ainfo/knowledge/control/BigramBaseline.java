package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison baseline: character-bigram TF-IDF with cosine similarity over title, keywords,
 * summary and support, no Korean analysis, no filters. What a first RAG prototype usually does.
 */
final class BigramBaseline {

    private final List<Policy> policies;
    private final List<Map<String, Double>> vectors = new ArrayList<>();
    private final Map<String, Double> idf = new HashMap<>();

    BigramBaseline(List<Policy> policies) {
        this.policies = policies;
        List<Map<String, Integer>> counts = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (Policy p : policies) {
            Map<String, Integer> tf = bigrams(String.join(" ", p.title(), String.join(" ", p.keywords()), p.summary(), p.support()));
            counts.add(tf);
            tf.keySet().forEach(g -> df.merge(g, 1, Integer::sum));
        }
        df.forEach((g, n) -> idf.put(g, Math.log((double) policies.size() / n) + 1));
        counts.forEach(tf -> vectors.add(weigh(tf)));
    }

    List<String> search(String question, int k) {
        Map<String, Double> q = weigh(bigrams(question));
        List<Integer> order = new ArrayList<>();
        double[] scores = new double[policies.size()];
        for (int i = 0; i < policies.size(); i++) {
            double dot = 0;
            for (Map.Entry<String, Double> e : q.entrySet()) {
                dot += e.getValue() * vectors.get(i).getOrDefault(e.getKey(), 0.0);
            }
            scores[i] = dot;
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -scores[i]));
        return order.stream().limit(k).map(i -> policies.get(i).id()).toList();
    }

    private Map<String, Double> weigh(Map<String, Integer> tf) {
        Map<String, Double> v = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            double w = (1 + Math.log(e.getValue())) * idf.getOrDefault(e.getKey(), 0.0);
            v.put(e.getKey(), w);
            norm += w * w;
        }
        double n = Math.sqrt(norm);
        v.replaceAll((g, w) -> n == 0 ? 0 : w / n);
        return v;
    }

    static Map<String, Integer> bigrams(String text) {
        Map<String, Integer> grams = new HashMap<>();
        for (String word : text.toLowerCase().split("[^\\p{L}\\p{N}]+")) {
            for (int i = 0; i + 2 <= word.length(); i++) {
                grams.merge(word.substring(i, i + 2), 1, Integer::sum);
            }
        }
        return grams;
    }
}
