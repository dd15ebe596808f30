package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The line of a record that best matches the question, shortened for a result list. Each record is
 * split into lines once: splitting every hit of every question was a visible share of the CPU an
 * answer costs under load.
 */
final class Snippets {

    static final int MAX = 160;
    private static final Pattern LINES = Pattern.compile("\n|(?<=[.!?])\\s+");

    private final Map<String, List<String>> linesByRecord = new ConcurrentHashMap<>();

    String best(Policy policy, List<String> terms) {
        String best = "";
        int bestHits = -1;
        for (String line : linesByRecord.computeIfAbsent(policy.id(), id -> lines(policy))) {
            int hits = 0;
            for (String term : terms) {
                if (term.length() > 1 && line.contains(term)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                best = line;
                bestHits = hits;
            }
        }
        return shorten(best.strip());
    }

    /** The non-blank lines of the summary, then of the support text. */
    private static List<String> lines(Policy policy) {
        return List.of(policy.summary(), policy.support()).stream()
                .flatMap(text -> Arrays.stream(LINES.split(text)))
                .filter(line -> !line.isBlank())
                .toList();
    }

    static String shorten(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }
}
