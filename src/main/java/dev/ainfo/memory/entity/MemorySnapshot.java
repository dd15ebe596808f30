package dev.ainfo.memory.entity;

import java.util.List;

/** What the assistant remembers of a conversation: a running summary plus the recent buffer. */
public record MemorySnapshot(String summary, List<MemoryMessage> messages) {

    public static final MemorySnapshot EMPTY = new MemorySnapshot("", List.of());

    public MemorySnapshot {
        summary = summary == null ? "" : summary;
        messages = List.copyOf(messages);
    }
}
