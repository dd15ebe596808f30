package dev.ainfo.chat.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ainfo.rooms.entity.Source;
import java.util.List;

/** Server-to-client frames of protocol version 1; each carries its {@code type}. */
public sealed interface Frame {

    @JsonProperty("type")
    String type();

    @JsonPropertyOrder({"type", "messages"})
    record History(List<HistoryMessage> messages) implements Frame {
        @Override
        public String type() {
            return "history";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "role", "message", "timestamp", "status", "sources"})
    record HistoryMessage(long id, String role, String message, String timestamp, String status,
                          List<Source> sources) {
    }

    @JsonPropertyOrder({"type", "response", "is_streaming"})
    record Chunk(String response) implements Frame {
        @Override
        public String type() {
            return "chunk";
        }

        @JsonProperty("is_streaming")
        public boolean streaming() {
            return true;
        }
    }

    @JsonPropertyOrder({"type", "response", "is_streaming", "messageId", "status", "sources"})
    record Done(String response, long messageId, String status, List<Source> sources) implements Frame {
        @Override
        public String type() {
            return "done";
        }

        @JsonProperty("is_streaming")
        public boolean streaming() {
            return false;
        }
    }

    @JsonPropertyOrder({"type", "code", "error"})
    record Error(String code, String error) implements Frame {
        public static Error of(ErrorCode code, String text) {
            return new Error(code.wireName(), text);
        }

        @Override
        public String type() {
            return "error";
        }
    }
}
