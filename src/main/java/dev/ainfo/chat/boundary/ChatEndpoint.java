package dev.ainfo.chat.boundary;

import dev.ainfo.auth.boundary.HandshakeGuard;
import dev.ainfo.auth.entity.HandshakeVerdict;
import dev.ainfo.chat.control.AnswerStream;
import dev.ainfo.chat.control.ChatError;
import dev.ainfo.chat.control.ChatSession;
import dev.ainfo.chat.control.Conversation;
import dev.ainfo.chat.control.FrameCodec;
import dev.ainfo.chat.entity.ClientFrame;
import dev.ainfo.chat.entity.ErrorCode;
import dev.ainfo.chat.entity.Frame;
import dev.ainfo.platform.control.LogContext;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import dev.ainfo.platform.control.Heartbeat;
import dev.ainfo.platform.control.Servers;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The chat socket of one room: frames in, frames out. */
@ServerEndpoint(value = "/ws/chat/{roomId}", configurator = HandshakeGuard.class)
public class ChatEndpoint {

    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());
    private static final String CHAT = ChatSession.class.getName();
    private static final String WATCH = ChatSession.class.getName() + ".watch";
    private static final String LOG_FIELDS = LogContext.class.getName();
    public static final int MAX_FRAME_BYTES = 64 * 1024;
    /**
     * The container's own limit sits above ours: over it Tyrus closes with 1009 but Undertow with 1000,
     * so frames between the two are checked here, and close with 1009 on every server.
     */
    static final int CONTAINER_FRAME_LIMIT = 4 * MAX_FRAME_BYTES;

    @Inject
    Conversation conversation;

    @Inject
    @ConfigProperty(name = "ainfo.ws.send-timeout", defaultValue = "PT30S")
    Duration sendTimeout;

    @Inject
    @ConfigProperty(name = "ainfo.ws.max-pending-chars", defaultValue = "1000000")
    int maxPendingChars;

    @Inject
    @ConfigProperty(name = "ainfo.ws.chunk-interval", defaultValue = "PT0.05S")
    Duration chunkInterval;

    /**
     * Enforced by the heartbeat, not by Tyrus (see {@code platform.payara.IdleTimerBypass}): a Tyrus timeout set after
     * the session opened also raced the zero-delay task Tyrus schedules at open, closing new sockets.
     */
    @Inject
    @ConfigProperty(name = "ainfo.ws.idle-timeout", defaultValue = "PT10M")
    Duration idleTimeout;

    @Inject
    Heartbeat heartbeat;

    @OnOpen
    public void onOpen(Session session) {
        Object verdict = session.getUserProperties().get(HandshakeGuard.VERDICT);
        if (!(verdict instanceof HandshakeVerdict accepted) || !accepted.accepted()) {
            // Only reached where the container could not refuse the upgrade at HTTP level.
            close(session, new CloseReason(CloseCodes.VIOLATED_POLICY, "not allowed"));
            return;
        }
        session.setMaxTextMessageBufferSize(CONTAINER_FRAME_LIMIT);
        ChatSession[] self = new ChatSession[1];
        AnswerStream out = new AnswerStream(session, sendTimeout.toMillis(), maxPendingChars, chunkInterval.toMillis(),
                failure -> conversation.later(() -> writeFailed(session, self[0], failure)));
        self[0] = new ChatSession(accepted.caller(), accepted.roomId(), out);
        session.getUserProperties().put(LOG_FIELDS, new LogContext.Fields(accepted.caller().userId(), accepted.roomId(), session.getId(), null));
        CloseReason refused = conversation.admit(self[0]);
        if (refused != null) {
            close(session, refused);
            return;
        }
        Servers.current().socketOpened(session);
        session.getUserProperties().put(CHAT, self[0]);
        Runnable watch = () -> watch(session, self[0]);
        session.getUserProperties().put(WATCH, watch);
        heartbeat.watch(watch);
        conversation.open(self[0]);
    }

    /** Runs on the heartbeat: closes sessions whose token expired, whose reader stalled, or that went idle. */
    private void watch(Session session, ChatSession chat) {
        if (!Instant.now().isBefore(chat.caller().expiresAt())) {
            heartbeat.forget((Runnable) session.getUserProperties().get(WATCH));
            conversation.stopAnswerOf(chat); // stored before the socket goes
            close(session, new CloseReason(CloseCodes.VIOLATED_POLICY, "token expired"));
            return;
        }
        switch (chat.out().beat(sendTimeout.toNanos(), idleTimeout.toNanos())) {
            case STALLED -> chat.out().abandon("the client read nothing for " + sendTimeout);
            case IDLE -> {
                heartbeat.forget((Runnable) session.getUserProperties().get(WATCH));
                close(session, new CloseReason(CloseCodes.NORMAL_CLOSURE, "idle timeout"));
            }
            case READING -> { }
        }
    }

    @OnMessage
    public void onPong(Session session, PongMessage pong) {
        ChatSession chat = (ChatSession) session.getUserProperties().get(CHAT);
        if (chat != null) {
            chat.out().ponged();
        }
    }

    @OnMessage(maxMessageSize = CONTAINER_FRAME_LIMIT)
    public void onMessage(Session session, String text) {
        ChatSession chat = (ChatSession) session.getUserProperties().get(CHAT);
        if (chat == null) {
            return;
        }
        if (tooBig(text)) {
            close(session, new CloseReason(CloseCodes.TOO_BIG, "a frame may hold at most 64 KiB"));
            return;
        }
        // Each frame is a request in the log: its id follows the question onto the executor.
        LogContext.Fields socket = (LogContext.Fields) session.getUserProperties().get(LOG_FIELDS);
        try (LogContext.Scope ignored = LogContext.enter(new LogContext.Fields(socket.user(), socket.room(), socket.socket(),
                Long.toHexString(ThreadLocalRandom.current().nextLong())))) {
            handle(chat, text);
        }
    }

    static boolean tooBig(String text) {
        return text.length() * 3L > MAX_FRAME_BYTES && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_FRAME_BYTES;
    }

    private void handle(ChatSession chat, String text) {
        chat.out().received();
        try {
            ClientFrame frame = FrameCodec.decode(text);
            if (frame instanceof ClientFrame.Ask ask) {
                conversation.ask(chat, ask.message());
            } else {
                conversation.stop(chat);
            }
        } catch (ChatError e) {
            chat.out().send(e.frame());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected failure handling a frame", e);
            chat.out().send(Frame.Error.of(ErrorCode.INTERNAL, "something went wrong; please try again"));
        }
    }

    @OnClose
    public void onClose(Session session, CloseReason reason) {
        ChatSession chat = (ChatSession) session.getUserProperties().get(CHAT);
        if (chat != null) {
            heartbeat.forget((Runnable) session.getUserProperties().get(WATCH));
            conversation.left(chat);
        }
    }

    @OnError
    public void onError(Session session, Throwable error) {
        LOG.log(Level.FINE, "socket error", error);
    }

    private void writeFailed(Session session, ChatSession chat, Throwable failure) {
        LOG.log(Level.INFO, "closing a socket that could not be written to: {0}", String.valueOf(failure));
        if (chat != null) {
            conversation.left(chat);
        }
        close(session, new CloseReason(CloseCodes.VIOLATED_POLICY, "the client is not reading"));
    }

    private static void close(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (Exception e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }
}
