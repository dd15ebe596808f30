package dev.ainfo.rooms.entity;

import jakarta.persistence.AttributeConverter;

/** Who wrote a message; the wire names are the original service's. */
public enum MessageRole {
    USER("user"), BOT("bot");

    private final String wireName;

    MessageRole(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static MessageRole of(String wireName) {
        for (MessageRole role : values()) {
            if (role.wireName.equals(wireName)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role " + wireName);
    }

    @jakarta.persistence.Converter
    public static class Converter implements AttributeConverter<MessageRole, String> {
        @Override
        public String convertToDatabaseColumn(MessageRole role) {
            return role.wireName();
        }

        @Override
        public MessageRole convertToEntityAttribute(String column) {
            return of(column);
        }
    }
}
