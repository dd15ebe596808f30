package dev.ainfo.memory.entity;

import java.util.List;

/**
 * One conversation's memory as it is kept in Redis: the running summary, the recent buffer with each
 * message's token count (counted once, when the message joins the buffer), and the ids of the
 * answers already remembered (so that a retried update is a no-op).
 */
public record StoredMemory(String summary, List<MemoryMessage> messages, List<Integer> counts, List<Long> answers) {

    public static final StoredMemory EMPTY = new StoredMemory("", List.of(), List.of(), List.of());

    public StoredMemory {
        summary = summary == null ? "" : summary;
        messages = List.copyOf(messages);
        counts = List.copyOf(counts);
        answers = List.copyOf(answers);
        if (counts.size() != messages.size()) {
            throw new IllegalArgumentException(counts.size() + " token counts for " + messages.size() + " messages");
        }
    }

    /** The buffer's size in tokens. */
    public int tokens() {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    public MemorySnapshot snapshot() {
        return new MemorySnapshot(summary, messages);
    }
}
