package dev.ainfo.chat.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ainfo.chat.entity.ClientFrame;
import dev.ainfo.chat.entity.ErrorCode;
import dev.ainfo.chat.entity.Frame;

/** The one place frames become JSON and JSON becomes frames. */
public final class FrameCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FrameCodec() {
    }

    public static String encode(Frame frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unserialisable frame " + frame.type(), e);
        }
    }

    public static ClientFrame decode(String text) throws ChatError {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ChatError(ErrorCode.INVALID_JSON, "the frame is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new ChatError(ErrorCode.INVALID_JSON, "the frame is not a JSON object");
        }
        JsonNode type = node.get("type");
        if (type != null && type.isTextual() && "stop".equals(type.asText())) {
            return new ClientFrame.Stop();
        }
        if (type != null && !(type.isTextual() && "message".equals(type.asText()))) {
            throw new ChatError(ErrorCode.INVALID_MESSAGE, "unknown frame type");
        }
        JsonNode message = node.get("message");
        if (message == null || !message.isTextual() || message.asText().isBlank()) {
            throw new ChatError(ErrorCode.INVALID_MESSAGE, "\"message\" must be non-blank text");
        }
        return new ClientFrame.Ask(message.asText());
    }
}
