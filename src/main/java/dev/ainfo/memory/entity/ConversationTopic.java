package dev.ainfo.memory.entity;

/**
 * What a conversation is about and who is asking, kept beside the summary so a follow-up finds it
 * whatever the buffer still holds: {@code topic} is the words of the last question that named one
 * (e.g. "월세"); the others are the region, age and status the asker stated. Any field may be null.
 */
public record ConversationTopic(String topic, String province, String place, Integer age, String status) {

    public static final ConversationTopic NONE = new ConversationTopic(null, null, null, null, null);

    /** Named so that JSON mappers do not take it for a property. */
    public boolean none() {
        return equals(NONE);
    }
}
