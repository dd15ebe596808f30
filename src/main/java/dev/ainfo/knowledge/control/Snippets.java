package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import java.util.List;
import java.util.regex.Pattern;

/** The line of a record that best matches the question, shortened for a result list. */
final class Snippets {

    static final int MAX = 160;
    private static final Pattern LINES = Pattern.compile("\n|(?<=[.!?])\\s+");

    private Snippets() {
    }

    static String best(Policy policy, List<String> terms) {
        String best = "";
        int bestHits = -1;
        for (String text : List.of(policy.summary(), policy.support())) {
            for (String line : LINES.split(text)) {
                int hits = 0;
                for (String term : terms) {
                    if (term.length() > 1 && line.contains(term)) {
                        hits++;
                    }
                }
                if (hits > bestHits && !line.isBlank()) {
                    best = line;
                    bestHits = hits;
                }
            }
        }
        return shorten(best.strip());
    }

    static String shorten(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }
}
