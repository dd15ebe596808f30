package dev.ainfo.chat.control;

import dev.ainfo.assistant.control.PolicyAssistant;
import dev.ainfo.assistant.entity.Asker;
import dev.ainfo.assistant.entity.PreparedAnswer;
import dev.ainfo.chat.entity.ErrorCode;
import dev.ainfo.chat.entity.Frame;
import dev.ainfo.memory.control.ConversationMemory;
import dev.ainfo.platform.control.AppMetrics;
import dev.ainfo.platform.control.LogContext;
import dev.ainfo.profile.control.Profiles;
import dev.ainfo.rooms.control.ChatLogs;
import dev.ainfo.rooms.entity.ChatLog;
import dev.ainfo.rooms.entity.MessageRole;
import dev.ainfo.rooms.entity.MessageStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One question from arrival to the stored answer. The jobs around it have classes of their own:
 * {@link SocketCap} (sockets per user), {@link RoomClaims} (one answer per room, across instances),
 * {@link RoomSignals} (stop and deletion across instances), {@link ChatWorkers} (threads and the
 * memory-update queue), {@link AnswerLog} (storing messages), {@link ChatLifecycle} (shutdown).
 */
@ApplicationScoped
public class Conversation {

    private static final Logger LOG = Logger.getLogger(Conversation.class.getName());

    @EJB // not @Inject: a hot path, and Weld's EJB proxy costs an exception per call (docs/performance.md)
    ChatLogs logs;

    @Inject
    PolicyAssistant assistant;

    @Inject
    ConversationMemory memory;

    @Inject
    QuestionRate rate;

    @Inject
    OpenChats chats;

    @Inject
    SocketCap caps;

    @Inject
    RoomClaims claims;

    @Inject
    RoomSignals signals;

    @Inject
    ChatWorkers workers;

    @Inject
    AnswerLog answerLog;

    @Inject
    ChatLifecycle lifecycle;

    @EJB // not @Inject: a hot path, and Weld's EJB proxy costs an exception per call (docs/performance.md)
    Profiles profiles;

    @Inject
    @ConfigProperty(name = "ainfo.chat.max-message-chars", defaultValue = "2000")
    int maxMessageChars;

    @Inject
    @ConfigProperty(name = "ainfo.chat.history-limit", defaultValue = "50")
    int historyLimit;

    @Inject
    @ConfigProperty(name = "ainfo.chat.max-answer-chars", defaultValue = "500000")
    int maxAnswerChars;

    /** Why a socket is not admitted; null when it is. */
    public CloseReason admit(ChatSession chat) {
        if (!lifecycle.accepting()) {
            return new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "server shutting down");
        }
        SocketCap.Seat seat = caps.take(chat.caller().userId());
        if (seat == null) {
            return new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "too many open sockets");
        }
        chats.opened(chat, seat);
        return null;
    }

    /**
     * Sends the history as the socket's first frame, from the executor rather than the upgrade's own
     * thread: a client that asks as soon as it has the history must not race the end of the handshake
     * request (seen under a burst of opens: the container lost such a question).
     */
    public void open(ChatSession chat) {
        later(() -> {
            try {
                List<Frame.HistoryMessage> messages = logs.page(chat.roomId(), null, historyLimit).stream()
                        .map(Conversation::historyMessage).toList();
                chat.out().open(new Frame.History(messages));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "could not load the history of room " + chat.roomId(), e);
                chat.out().open(Frame.Error.of(ErrorCode.INTERNAL, "the conversation could not be loaded"));
            }
        });
    }

    /**
     * Takes a question on the socket's thread with no I/O: a room already answering on this instance
     * is refused at once; the room's cross-instance claim, the rate check, storing the question and
     * the answer all happen on the workers.
     */
    public void ask(ChatSession chat, String question) throws ChatError {
        AppMetrics.question();
        if (!lifecycle.accepting()) {
            throw new ChatError(ErrorCode.SHUTTING_DOWN, "the server is shutting down; please ask again in a moment");
        }
        if (question.codePointCount(0, question.length()) > maxMessageChars) {
            throw new ChatError(ErrorCode.MESSAGE_TOO_LONG, "the message is longer than " + maxMessageChars + " characters");
        }
        Answer answer = new Answer(chat, question, maxAnswerChars, this::ended);
        if (!chats.start(answer)) {
            throw new ChatError(ErrorCode.BUSY, "an answer is still streaming in this room");
        }
        try {
            later(() -> generate(answer));
        } catch (RuntimeException e) {
            chats.end(answer);
            throw new ChatError(ErrorCode.SHUTTING_DOWN, "the server is shutting down; please try again");
        }
    }

    public void later(Runnable work) {
        workers.later(LogContext.wrap(work));
    }

    /** Stops the room's answer, on whichever instance it streams. */
    public void stop(ChatSession chat) {
        signals.stop(chat.roomId());
    }

    /** The socket went away: its seat is freed, and an answer it was receiving is kept as stopped. */
    public void left(ChatSession chat) {
        SocketCap.Seat seat = chats.closed(chat);
        if (seat != null) {
            caps.free(seat);
        }
        stopAnswerOf(chat);
    }

    /** Stores the socket's answer in flight, if any, as stopped. */
    public void stopAnswerOf(ChatSession chat) {
        Answer answer = chats.answerIn(chat.roomId());
        if (answer != null && answer.chat() == chat && answer.stop()) {
            AppMetrics.interrupted("disconnect");
        }
    }

    /** Shutdown, after new work is refused: every answer in flight is stored as stopped, then sockets close with 1001. */
    void closeAll() {
        for (Answer answer : chats.answers()) {
            answer.stop();
            storeQuestion(answer);
        }
        workers.drain(Duration.ofSeconds(5));
        for (ChatSession chat : chats.sockets()) {
            chat.out().close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server shutting down"));
        }
        LOG.info("stored the answers in flight and closed the chat sockets");
    }

    /**
     * The room's claim across instances, the rate check, memory, retrieval, then the model; the
     * question is stored while the model starts, so neither the insert nor its sequence delays the
     * first chunk.
     */
    private void generate(Answer answer) {
        ChatSession chat = answer.chat();
        Optional<RoomClaims.Claim> claim = claims.claim(chat.roomId());
        if (claim.isEmpty()) {
            chats.end(answer);
            chat.out().send(Frame.Error.of(ErrorCode.BUSY, "an answer is still streaming in this room"));
            return;
        }
        answer.claimed(claim.get());
        if (!rate.allows(chat.caller().userId())) {
            release(answer);
            chat.out().send(Frame.Error.of(ErrorCode.RATE_LIMITED, "too many questions; please wait a moment"));
            return;
        }
        try {
            CompletableFuture<PreparedAnswer> preparing = assistant.prepare(
                    new Asker(chat.caller().userId(), chat.roomId(), profiles.find(chat.caller().userId()).orElse(null)),
                    answer.question(),
                    memory.load(chat.caller().userId(), chat.roomId()), answer::streaming).toCompletableFuture();
            preparing.thenAccept(prepared -> {
                answer.cite(prepared.sources());
                answer.streaming(assistant.stream(prepared, answer));
                storeQuestion(answer);
            }).exceptionally(failure -> {
                fail(answer, failure);
                return null;
            });
            if (!preparing.isDone()) {
                // The model is rewriting a follow-up, which a stop may cancel: store the question now.
                storeQuestion(answer);
            }
        } catch (RuntimeException e) {
            fail(answer, e);
        }
    }

    private void fail(Answer answer, Throwable failure) {
        answer.onError(failure);
        storeQuestion(answer);
    }

    /** Stores the question once, whoever gets here first: the answer's task or the shutdown. */
    private void storeQuestion(Answer answer) {
        if (!answer.claimQuestion()) {
            return;
        }
        if (!answerLog.begin(answer)) {
            answer.abandon();
            release(answer);
            answer.chat().out().send(Frame.Error.of(ErrorCode.INTERNAL, "the question could not be stored"));
        }
    }

    /** Frees the room here and across instances. */
    private void release(Answer answer) {
        chats.end(answer);
        if (answer.claim() != null) {
            claims.release(answer.claim());
        }
    }

    private void ended(Answer answer, MessageStatus status) {
        ChatSession chat = answer.chat();
        String text = answer.text();
        if (!answerLog.finish(answer, text, status)) {
            release(answer);
            chat.out().send(Frame.Error.of(ErrorCode.INTERNAL, "the answer could not be stored"));
            return;
        }
        boolean noted = status == MessageStatus.COMPLETE
                && memory.note(chat.caller().userId(), chat.roomId(), answer.answerId(), answer.question(), text);
        // Free the room before the client hears "done", so its next question is never "busy".
        release(answer);
        if (status == MessageStatus.FAILED) {
            LOG.log(Level.WARNING, "the model failed in room " + chat.roomId(), answer.failure());
            chat.out().send(Frame.Error.of(ErrorCode.LLM_UNAVAILABLE, "the language model is unavailable; please try again"));
        } else {
            chat.out().send(new Frame.Done(text, answer.answerId(), status.wireName(), answer.sources()));
        }
        if (status == MessageStatus.COMPLETE) {
            remember(chat.caller().userId(), chat.roomId(), answer.answerId(), answer.question(), text, noted);
        }
    }

    /**
     * Queues the memory update, at most one per conversation: an update stores every turn noted for
     * it, so while one waits, a noted turn needs no other. The task holds ids and text only, not the
     * socket, which may close meanwhile.
     */
    private void remember(String userId, long roomId, long answerId, String question, String text, boolean noted) {
        try {
            workers.updateMemory(userId + "\n" + roomId, noted, () -> {
                try {
                    memory.remember(userId, roomId, answerId, question, text, noted);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not update the conversation memory", e);
                    AppMetrics.memoryUpdateFailed();
                }
            });
        } catch (RuntimeException shuttingDown) {
            LOG.log(Level.FINE, "memory update not queued; the turn waits in Redis", shuttingDown);
        }
    }

    static Frame.HistoryMessage historyMessage(ChatLog log) {
        boolean bot = log.getRole() == MessageRole.BOT;
        return new Frame.HistoryMessage(log.getId(), log.getRole().wireName(), log.getMessage(),
                log.getTimestamp().toString(), bot ? log.getStatus().wireName() : null, bot ? log.getSources() : null);
    }
}
