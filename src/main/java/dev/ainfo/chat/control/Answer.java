package dev.ainfo.chat.control;

import dev.ainfo.assistant.control.AnswerHandle;
import dev.ainfo.assistant.control.AnswerListener;
import dev.ainfo.platform.control.AppMetrics;
import dev.ainfo.platform.control.LogContext;
import dev.ainfo.rooms.entity.MessageStatus;
import dev.ainfo.rooms.entity.Source;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * One answer in flight: collects the streamed text and ends exactly once, as complete, stopped or
 * failed. Nothing is streamed after the end, so the done frame always holds every chunk. The
 * question is stored while the model starts; an end that comes first waits for it, so the answer
 * is never stored before its question.
 */
final class Answer implements AnswerListener {
    // Package-private with its collaborators: Conversation drives it, AnswerLog stores it.

    private static final Logger LOG = Logger.getLogger(Answer.class.getName());

    private final ChatSession chat;
    private final String question;
    private final BiConsumer<Answer, MessageStatus> onEnd;
    private final StringBuilder text = new StringBuilder();
    private volatile List<Source> sources = List.of();
    private volatile AnswerHandle upstream;
    private boolean ended;
    private Throwable failure;
    private final AtomicBoolean questionClaimed = new AtomicBoolean();
    private boolean questionStored;
    private MessageStatus endWaitingForQuestion;
    private volatile long answerId;
    private volatile RoomClaims.Claim claim;

    private final int maxChars;
    private final long askedNanos = System.nanoTime();
    private final LogContext.Fields logContext = LogContext.current();
    private int pieces;

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

    /** The stored answer row's id; 0 until the question is stored. */
    long answerId() {
        return answerId;
    }

    RoomClaims.Claim claim() {
        return claim;
    }

    void claimed(RoomClaims.Claim roomClaim) {
        this.claim = roomClaim;
    }

    /** True once the question has waited or streamed for {@code age}. */
    boolean olderThan(Duration age) {
        return System.nanoTime() - askedNanos >= age.toNanos();
    }

    synchronized boolean isEnded() {
        return ended;
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
                if (pieces++ == 0) {
                    AppMetrics.firstChunk(System.nanoTime() - askedNanos);
                }
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

    /** True if this stopped the answer, false if it had already ended. */
    boolean stop() {
        return end(MessageStatus.STOPPED, null);
    }

    /** Ends the answer once; the owner hears of it once the question is stored. False if it had ended. */
    boolean end(MessageStatus status, Throwable error) {
        AnswerHandle toCancel;
        boolean tell;
        synchronized (this) {
            if (ended) {
                return false;
            }
            ended = true;
            failure = error;
            AppMetrics.answerEnded(status.wireName(), System.nanoTime() - askedNanos, pieces,
                    status == MessageStatus.COMPLETE && sources.isEmpty());
            toCancel = status == MessageStatus.COMPLETE ? null : upstream;
            tell = questionStored;
            if (!tell) {
                endWaitingForQuestion = status;
            }
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
        logEnd(status);
        if (tell) {
            onEnd.accept(this, status);
        }
        return true;
    }

    /** One line per answer, with the socket and request it came from (ids and counts only, never text). */
    private void logEnd(MessageStatus status) {
        try (LogContext.Scope ignored = LogContext.enter(logContext)) {
            LOG.info(() -> "answer " + status.wireName() + " after " + (System.nanoTime() - askedNanos) / 1_000_000 + " ms, "
                    + pieces + " pieces, " + sources.size() + " sources");
        }
    }

    /** True for exactly one caller: the one that stores the question. */
    boolean claimQuestion() {
        return questionClaimed.compareAndSet(false, true);
    }

    /** The question and the answer's row are in the database: an end that came first is told now. */
    void questionStored(long storedAnswerId) {
        MessageStatus waiting;
        synchronized (this) {
            answerId = storedAnswerId;
            questionStored = true;
            waiting = endWaitingForQuestion;
            endWaitingForQuestion = null;
        }
        if (waiting != null) {
            onEnd.accept(this, waiting);
        }
    }

    /** The question could not be stored: the answer ends here, and nothing of it is stored. */
    void abandon() {
        AnswerHandle toCancel;
        synchronized (this) {
            endWaitingForQuestion = null;
            if (ended) {
                return;
            }
            ended = true;
            toCancel = upstream;
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
    }

    synchronized String text() {
        return text.toString();
    }
}
