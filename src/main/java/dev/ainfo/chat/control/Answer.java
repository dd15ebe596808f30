package dev.ainfo.chat.control;

import dev.ainfo.assistant.control.AnswerHandle;
import dev.ainfo.assistant.control.AnswerListener;
import dev.ainfo.rooms.entity.MessageStatus;
import dev.ainfo.rooms.entity.Source;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One answer in flight: collects the streamed text and ends exactly once, as complete, stopped or
 * failed. Nothing is streamed after the end, so the done frame always holds every chunk.
 */
final class Answer implements AnswerListener {

    private final ChatSession chat;
    private final String question;
    private final BiConsumer<Answer, MessageStatus> onEnd;
    private final StringBuilder text = new StringBuilder();
    private volatile List<Source> sources = List.of();
    private volatile AnswerHandle upstream;
    private boolean ended;
    private Throwable failure;

    private final int maxChars;

    Answer(ChatSession chat, String question, int maxChars, BiConsumer<Answer, MessageStatus> onEnd) {
        this.chat = chat;
        this.question = question;
        this.maxChars = maxChars;
        this.onEnd = onEnd;
    }

    ChatSession chat() {
        return chat;
    }

    String question() {
        return question;
    }

    List<Source> sources() {
        return sources;
    }

    void cite(List<Source> cited) {
        this.sources = List.copyOf(cited);
    }

    synchronized Throwable failure() {
        return failure;
    }

    /** Attaches the upstream request; if the answer already ended meanwhile, cancels it at once. */
    void streaming(AnswerHandle handle) {
        boolean alreadyEnded;
        synchronized (this) {
            upstream = handle;
            alreadyEnded = ended;
        }
        if (alreadyEnded) {
            handle.cancel();
        }
    }

    @Override
    public void onDelta(String delta) {
        boolean tooLong;
        synchronized (this) {
            if (ended) {
                return;
            }
            tooLong = text.length() + delta.length() > maxChars;
            if (!tooLong) {
                text.append(delta);
                chat.out().delta(delta);
            }
        }
        if (tooLong) {
            // A model that never stops would exhaust memory and the message column: keep what fits.
            end(MessageStatus.STOPPED, null);
        }
    }

    @Override
    public void onComplete() {
        end(MessageStatus.COMPLETE, null);
    }

    @Override
    public void onError(Throwable error) {
        end(MessageStatus.FAILED, error);
    }

    void stop() {
        end(MessageStatus.STOPPED, null);
    }

    /** Ends the answer once; returns the text it ended with, or null if it had already ended. */
    void end(MessageStatus status, Throwable error) {
        AnswerHandle toCancel;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            failure = error;
            toCancel = status == MessageStatus.COMPLETE ? null : upstream;
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
        onEnd.accept(this, status);
    }

    synchronized String text() {
        return text.toString();
    }
}
