package dev.ainfo.chat.control;

import dev.ainfo.auth.entity.Caller;

/** One open socket: who is on it, which room, and its single writer. */
public record ChatSession(Caller caller, long roomId, AnswerStream out) {
}
