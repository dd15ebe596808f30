package dev.ainfo.knowledge.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The last few results of a costly function of a text. One chat turn asks for the same analysis
 * twice (the follow-up check, then search on the unchanged question); the calls come through
 * separate entry points, so they meet here.
 */
final class RecentResults<T> {

    private final Function<String, T> compute;
    private final Map<String, T> recent;

    RecentResults(int capacity, Function<String, T> compute) {
        this.compute = compute;
        this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
                return size() > capacity;
            }
        };
    }

    T of(String text) {
        synchronized (recent) {
            T known = recent.get(text);
            if (known != null) {
                return known;
            }
        }
        // Computed outside the lock: two threads may both compute it, which is harmless.
        T result = compute.apply(text);
        synchronized (recent) {
            recent.put(text, result);
        }
        return result;
    }
}
