package dev.ainfo.assistant.control;

/** Cancels an answer being generated, including the upstream model request. */
@FunctionalInterface
public interface AnswerHandle {

    void cancel();
}
