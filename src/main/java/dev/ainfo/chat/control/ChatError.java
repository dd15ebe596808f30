package dev.ainfo.chat.control;

import dev.ainfo.chat.entity.ErrorCode;
import dev.ainfo.chat.entity.Frame;

/** A refusal the client hears about as an error frame; the socket stays open. */
public class ChatError extends Exception {

    private final ErrorCode code;

    public ChatError(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public Frame.Error frame() {
        return Frame.Error.of(code, getMessage());
    }
}
