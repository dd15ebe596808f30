package dev.ainfo.memory.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * Turns this instance answered but could not store in Redis yet, per conversation key. Bounded: the
 * chat log keeps every turn anyway, so beyond the bound a conversation relies on the log.
 */
final class ParkedTurns {

    private static final Logger LOG = Logger.getLogger(ParkedTurns.class.getName());

    private final ConcurrentMap<String, List<Turn>> parked = new ConcurrentHashMap<>();
    private final int maxConversations;
    private final int keepPerConversation;

    ParkedTurns(int maxConversations, int keepPerConversation) {
        this.maxConversations = maxConversations;
        this.keepPerConversation = Math.max(1, keepPerConversation);
    }

    /** The turns parked for the conversation, oldest first. */
    List<Turn> of(String key) {
        return parked.getOrDefault(key, List.of());
    }

    /** The conversations that have turns waiting. */
    Set<String> conversations() {
        return Set.copyOf(parked.keySet());
    }

    boolean isEmpty() {
        return parked.isEmpty();
    }

    /** Adds turns not parked yet, keeping the newest few. False if the bound turned them away. */
    boolean park(String key, List<Turn> turns) {
        if (parked.size() >= maxConversations && !parked.containsKey(key)) {
            LOG.fine(() -> "too many conversations waiting for Redis; " + key + " relies on the log");
            return false;
        }
        parked.compute(key, (k, waiting) -> {
            List<Turn> all = new ArrayList<>(waiting == null ? List.of() : waiting);
            for (Turn turn : turns) {
                if (all.stream().noneMatch(t -> t.answerId() == turn.answerId())) {
                    all.add(turn);
                }
            }
            all.sort(Comparator.comparingLong(Turn::answerId));
            return List.copyOf(all.subList(Math.max(0, all.size() - keepPerConversation), all.size()));
        });
        return true;
    }

    /** The turns are in Redis now: only turns parked since stay. */
    void settle(String key, List<Turn> stored) {
        parked.computeIfPresent(key, (k, waiting) -> {
            List<Turn> left = waiting.stream().filter(t -> !stored.contains(t)).toList();
            return left.isEmpty() ? null : left;
        });
    }

    void drop(String key) {
        parked.remove(key);
    }
}
