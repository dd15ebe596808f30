package dev.ainfo.chat.entity;

/** The error codes of protocol version 1. */
public enum ErrorCode {
    INVALID_JSON("invalid_json"),
    INVALID_MESSAGE("invalid_message"),
    MESSAGE_TOO_LONG("message_too_long"),
    BUSY("busy"),
    RATE_LIMITED("rate_limited"),
    LLM_UNAVAILABLE("llm_unavailable"),
    INTERNAL("internal"),
    /** The instance is shutting down; the client asks again after reconnecting (to another instance). */
    SHUTTING_DOWN("shutting_down");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
