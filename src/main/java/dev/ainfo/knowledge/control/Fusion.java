package dev.ainfo.knowledge.control;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reciprocal-rank fusion: each ranking adds 1 / (k + rank) to an id's score. */
public final class Fusion {

    static final int K = 60;

    private Fusion() {
    }

    public static Map<String, Double> rrf(List<List<String>> rankings) {
        Map<String, Double> scores = new HashMap<>();
        for (List<String> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                scores.merge(ranking.get(rank), 1.0 / (K + rank + 1), Double::sum);
            }
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        scores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }
}
