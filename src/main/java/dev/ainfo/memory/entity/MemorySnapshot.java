package dev.ainfo.memory.entity;

import java.util.List;

/**
 * What the assistant remembers of a conversation: a running summary plus the recent buffer, and the
 * topic kept beside them (read with them, in the same round trip).
 */
public record MemorySnapshot(String summary, List<MemoryMessage> messages, ConversationTopic topic) {

    public static final MemorySnapshot EMPTY = new MemorySnapshot("", List.of());

    public MemorySnapshot {
        summary = summary == null ? "" : summary;
        messages = List.copyOf(messages);
        topic = topic == null ? ConversationTopic.NONE : topic;
    }

    /** A snapshot without a topic. */
    public MemorySnapshot(String summary, List<MemoryMessage> messages) {
        this(summary, messages, ConversationTopic.NONE);
    }

    public MemorySnapshot withTopic(ConversationTopic topic) {
        return new MemorySnapshot(summary, messages, topic);
    }
}
