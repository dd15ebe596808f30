package dev.ainfo.rooms.entity;

import jakarta.persistence.AttributeConverter;

/**
 * How an answer ended: in full, stopped by the user or a disconnect, or cut short by a model fault.
 * {@code streaming} marks an answer still being written; its row is updated as it streams, and one
 * whose instance died is turned into {@code stopped} by the stale-answer sweep.
 */
public enum MessageStatus {
    COMPLETE("complete"), STOPPED("stopped"), FAILED("failed"), STREAMING("streaming");

    private final String wireName;

    MessageStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static MessageStatus of(String wireName) {
        for (MessageStatus status : values()) {
            if (status.wireName.equals(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status " + wireName);
    }

    @jakarta.persistence.Converter
    public static class Converter implements AttributeConverter<MessageStatus, String> {
        @Override
        public String convertToDatabaseColumn(MessageStatus status) {
            return status.wireName();
        }

        @Override
        public MessageStatus convertToEntityAttribute(String column) {
            return of(column);
        }
    }
}
