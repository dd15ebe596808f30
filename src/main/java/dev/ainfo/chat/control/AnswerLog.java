package dev.ainfo.chat.control;

import dev.ainfo.rooms.control.ChatLogs;
import dev.ainfo.rooms.entity.MessageStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores a conversation's messages as an answer goes: the question with its answer's row when the
 * model starts, what has streamed every few seconds, and the end. An instance that dies mid-answer
 * leaves the row {@code streaming} with what it had streamed; {@link #sweep} then stops it.
 */
@ApplicationScoped
public class AnswerLog {

    private static final Logger LOG = Logger.getLogger(AnswerLog.class.getName());

    @EJB // not @Inject: a hot path, and Weld's EJB proxy costs an exception per call (docs/performance.md)
    ChatLogs logs;

    /** Stores the question and its answer's row; the answer learns its id. False if nothing was stored. */
    boolean begin(Answer answer) {
        try {
            answer.questionStored(logs.appendQuestionAndAnswer(answer.chat().roomId(), answer.question()));
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not store a question", e);
            return false;
        }
    }

    /** Rows per progress transaction: few enough that an answer's last write never waits long behind one. */
    static final int PROGRESS_ROWS = 16;

    /**
     * Writes what the answers have streamed, and proves this instance alive either way: a
     * transaction per {@link #PROGRESS_ROWS} answers, in id order. One transaction for all of them
     * held hundreds of rows under load, and answers ending meanwhile waited for it until their own
     * write failed.
     */
    void progress(List<Answer> answers) {
        SortedMap<Long, String> texts = new TreeMap<>();
        for (Answer answer : answers) {
            long id = answer.answerId();
            if (id != 0 && !answer.isEnded()) {
                texts.put(id, answer.text());
            }
        }
        Map<Long, String> chunk = new LinkedHashMap<>();
        for (Map.Entry<Long, String> text : texts.entrySet()) {
            chunk.put(text.getKey(), text.getValue());
            if (chunk.size() == PROGRESS_ROWS) {
                progressOf(chunk);
                chunk = new LinkedHashMap<>();
            }
        }
        if (!chunk.isEmpty()) {
            progressOf(chunk);
        }
    }

    private void progressOf(Map<Long, String> texts) {
        try {
            logs.progress(texts);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not store the progress of " + texts.size() + " answers", e);
        }
    }

    /** The answer's end, in the row {@link #begin} made; false when it could not be stored. */
    boolean finish(Answer answer, String text, MessageStatus status) {
        try {
            boolean stored = logs.finish(answer.answerId(), text, status,
                    status == MessageStatus.FAILED ? List.of() : answer.sources());
            if (!stored) {
                LOG.info(() -> "room " + answer.chat().roomId() + " was deleted while its answer streamed");
            }
            return stored;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not store an answer for room " + answer.chat().roomId(), e);
            return false;
        }
    }

    /** Stops answers whose instance stopped writing before {@code cutoff}. */
    void sweep(Instant cutoff) {
        try {
            int stopped = logs.stopStale(cutoff);
            if (stopped > 0) {
                LOG.warning(() -> stopped + " answers were left streaming by an instance that stopped; stored as stopped");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the stale-answer sweep failed", e);
        }
    }
}
