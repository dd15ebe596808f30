package dev.ainfo.chat.control;

import dev.ainfo.assistant.control.PolicyAssistant;
import dev.ainfo.assistant.entity.PreparedAnswer;
import dev.ainfo.chat.entity.ErrorCode;
import dev.ainfo.chat.entity.Frame;
import dev.ainfo.memory.control.ConversationMemory;
import dev.ainfo.platform.control.ManagedWorkers;
import dev.ainfo.rooms.control.ChatLogs;
import dev.ainfo.rooms.entity.ChatLog;
import dev.ainfo.rooms.entity.MessageRole;
import dev.ainfo.rooms.entity.MessageStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One question from arrival to the stored answer, with at most one answer in flight per room. */
@ApplicationScoped
public class Conversation {

    private static final Logger LOG = Logger.getLogger(Conversation.class.getName());

    @Inject
    ChatLogs logs;

    @Inject
    PolicyAssistant assistant;

    @Inject
    ConversationMemory memory;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "ainfo.chat.max-message-chars", defaultValue = "2000")
    int maxMessageChars;

    @Inject
    @ConfigProperty(name = "ainfo.chat.history-limit", defaultValue = "50")
    int historyLimit;

    @Inject
    @ConfigProperty(name = "ainfo.chat.max-answer-chars", defaultValue = "500000")
    int maxAnswerChars;

    @Inject
    QuestionRate rate;

    @Inject
    @ConfigProperty(name = "ainfo.ws.max-sockets-per-user", defaultValue = "10")
    int maxSocketsPerUser;

    private final ConcurrentMap<Long, Answer> inFlight = new ConcurrentHashMap<>();
    private final Set<ChatSession> open = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, AtomicInteger> socketsPerUser = new ConcurrentHashMap<>();

    /** Admits a new socket unless its user already has the most allowed; false means close it. */
    public boolean admit(ChatSession chat) {
        AtomicInteger count = socketsPerUser.computeIfAbsent(chat.caller().userId(), u -> new AtomicInteger());
        if (count.incrementAndGet() > maxSocketsPerUser) {
            count.decrementAndGet();
            return false;
        }
        open.add(chat);
        return true;
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
     * Takes a question on the socket's thread with no I/O: the rate check, storing the question and
     * the answer all happen on the managed executor.
     */
    public void ask(ChatSession chat, String question) throws ChatError {
        if (question.codePointCount(0, question.length()) > maxMessageChars) {
            throw new ChatError(ErrorCode.MESSAGE_TOO_LONG, "the message is longer than " + maxMessageChars + " characters");
        }
        Answer answer = new Answer(chat, question, maxAnswerChars, this::ended);
        if (inFlight.putIfAbsent(chat.roomId(), answer) != null) {
            throw new ChatError(ErrorCode.BUSY, "an answer is still streaming in this room");
        }
        try {
            later(() -> generate(answer));
        } catch (RuntimeException e) {
            inFlight.remove(chat.roomId(), answer);
            throw new ChatError(ErrorCode.INTERNAL, "the server is shutting down; please try again");
        }
    }

    /**
     * Runs work off the caller's thread on the managed executor's threads, through a few long-lived
     * workers: a task per question cost Payara a context set-up each. Endpoints use this rather than
     * injecting the executor: a @Resource per socket instance cost a JNDI lookup under a class
     * loader lock in the load benchmark.
     */
    public void later(Runnable work) {
        workers.execute(work);
    }

    public void stop(ChatSession chat) {
        Answer answer = inFlight.get(chat.roomId());
        if (answer != null) {
            answer.stop();
        }
    }

    /** The socket went away: an answer it was receiving is kept as stopped. */
    public void left(ChatSession chat) {
        if (open.remove(chat)) {
            socketsPerUser.computeIfPresent(chat.caller().userId(), (u, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
        stopAnswerOf(chat);
    }

    /** Stores the socket's answer in flight, if any, as stopped. */
    public void stopAnswerOf(ChatSession chat) {
        Answer answer = inFlight.get(chat.roomId());
        if (answer != null && answer.chat() == chat) {
            answer.stop();
        }
    }

    private final AtomicBoolean closing = new AtomicBoolean();
    private final Thread onJvmExit = new Thread(this::shutdown, "ainfo-graceful-shutdown");

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "ainfo.memory.update-threads", defaultValue = "16")
    int memoryUpdateThreads;

    @Inject
    @ConfigProperty(name = "ainfo.chat.workers", defaultValue = "12")
    int workerCount;

    /** Questions and history loads: rate check, memory, retrieval, inserts; short, but they block on I/O. */
    private ManagedWorkers workers;

    /**
     * Memory updates may block on a model-written summary or on another writer's lock; on their own
     * few managed threads they never hold up the shared executor that streams answers.
     */
    private ExecutorService memoryUpdates;
    private CoalescingQueue queuedUpdates;

    @PostConstruct
    void start() {
        memoryUpdates = Executors.newFixedThreadPool(Math.max(1, memoryUpdateThreads), threads);
        queuedUpdates = new CoalescingQueue(memoryUpdates);
        workers = new ManagedWorkers(executor, workerCount, Duration.ofMinutes(1));
        // Payara Micro stops on SIGTERM without undeploying, so @PreDestroy alone would not run.
        Runtime.getRuntime().addShutdownHook(onJvmExit);
    }

    /** On undeploy or shutdown: every answer in flight is stored as stopped, then sockets close with 1001. */
    @PreDestroy
    void undeployed() {
        shutdown();
        memoryUpdates.shutdown();
        workers.close();
        try {
            Runtime.getRuntime().removeShutdownHook(onJvmExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or has run
        }
    }

    void shutdown() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        for (Answer answer : List.copyOf(inFlight.values())) {
            answer.stop();
            storeQuestion(answer);
        }
        for (ChatSession chat : List.copyOf(open)) {
            chat.out().close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server shutting down"));
        }
        LOG.info("stored the answers in flight and closed the chat sockets");
    }

    /**
     * Rate check, memory, retrieval, then the model; the question is stored while the model starts,
     * so neither the insert nor its sequence lock delays the first chunk.
     */
    private void generate(Answer answer) {
        ChatSession chat = answer.chat();
        if (!rate.allows(chat.caller().userId())) {
            inFlight.remove(chat.roomId(), answer);
            chat.out().send(Frame.Error.of(ErrorCode.RATE_LIMITED, "too many questions; please wait a moment"));
            return;
        }
        try {
            CompletableFuture<PreparedAnswer> preparing = assistant.prepare(answer.question(),
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
        ChatSession chat = answer.chat();
        try {
            logs.appendQuestion(chat.roomId(), answer.question());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not store a question", e);
            answer.abandon();
            inFlight.remove(chat.roomId(), answer);
            chat.out().send(Frame.Error.of(ErrorCode.INTERNAL, "the question could not be stored"));
            return;
        }
        answer.questionStored();
    }

    private void ended(Answer answer, MessageStatus status) {
        ChatSession chat = answer.chat();
        String text = answer.text();
        ChatLog stored;
        try {
            stored = logs.appendAnswer(chat.roomId(), text, status,
                    status == MessageStatus.FAILED ? List.of() : answer.sources());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not store an answer for room " + chat.roomId(), e);
            inFlight.remove(chat.roomId(), answer);
            chat.out().send(Frame.Error.of(ErrorCode.INTERNAL, "the answer could not be stored"));
            return;
        }
        boolean noted = status == MessageStatus.COMPLETE
                && memory.note(chat.caller().userId(), chat.roomId(), stored.getId(), answer.question(), text);
        // Free the room before the client hears "done", so its next question is never "busy".
        inFlight.remove(chat.roomId(), answer);
        if (status == MessageStatus.FAILED) {
            LOG.log(Level.WARNING, "the model failed in room " + chat.roomId(), answer.failure());
            chat.out().send(Frame.Error.of(ErrorCode.LLM_UNAVAILABLE, "the language model is unavailable; please try again"));
        } else {
            chat.out().send(new Frame.Done(text, stored.getId(), status.wireName(), answer.sources()));
        }
        if (status == MessageStatus.COMPLETE) {
            remember(chat.caller().userId(), chat.roomId(), stored.getId(), answer.question(), text, noted);
        }
    }

    /**
     * Queues the memory update, at most one per conversation: an update stores every turn noted for
     * it, so while one waits, a noted turn needs no other. When the summaries cannot keep up, the
     * queue is bounded by the conversations, not the answers. The task holds ids and text only, not
     * the socket, which may close meanwhile.
     */
    private void remember(String userId, long roomId, long answerId, String question, String text, boolean noted) {
        queuedUpdates.submit(userId + "\n" + roomId, noted, () -> {
            try {
                memory.remember(userId, roomId, answerId, question, text);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not update the conversation memory", e);
            }
        });
    }

    static Frame.HistoryMessage historyMessage(ChatLog log) {
        boolean bot = log.getRole() == MessageRole.BOT;
        return new Frame.HistoryMessage(log.getId(), log.getRole().wireName(), log.getMessage(),
                log.getTimestamp().toString(), bot ? log.getStatus().wireName() : null, bot ? log.getSources() : null);
    }
}
