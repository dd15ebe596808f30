package dev.ainfo.assistant.control;

/** Receives a streamed answer. Exactly one of onComplete or onError ends it, unless it is cancelled. */
public interface AnswerListener {

    void onDelta(String text);

    void onComplete();

    void onError(Throwable error);
}
