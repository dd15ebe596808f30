package dev.ainfo.memory.entity;

import java.util.List;

/**
 * One conversation's memory as it is kept in Redis: the running summary, the recent buffer with its
 * token count, and the ids of the answers already remembered (so that a retried update is a no-op).
 */
public record StoredMemory(String summary, List<MemoryMessage> messages, int tokens, List<Long> answers) {

    public static final StoredMemory EMPTY = new StoredMemory("", List.of(), 0, List.of());

    public StoredMemory {
        summary = summary == null ? "" : summary;
        messages = List.copyOf(messages);
        answers = List.copyOf(answers);
    }

    public MemorySnapshot snapshot() {
        return new MemorySnapshot(summary, messages);
    }
}
