package dev.ainfo.chat.control;

import dev.ainfo.platform.control.AppMetrics;
import dev.ainfo.platform.control.RedisConnection;
import dev.ainfo.rooms.control.RoomDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RTopic;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Stop requests and room deletions, delivered to whichever instance streams the room's answer: a
 * Redis topic every instance listens to. A stop for an answer streaming here skips the topic.
 */
@ApplicationScoped
public class RoomSignals {

    private static final Logger LOG = Logger.getLogger(RoomSignals.class.getName());
    static final String TOPIC = "ainfo:chat:signals";
    private static final String STOP = "stop ";
    private static final String DELETED = "deleted ";

    @Inject
    RedisConnection redis;

    @Inject
    OpenChats chats;

    @Inject
    RoomClaims claims;

    private final AtomicBoolean listening = new AtomicBoolean();

    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        listen();
    }

    /** Subscribes once; retried by the upkeep while Redis was away at start. */
    void listen() {
        if (listening.get()) {
            return;
        }
        try {
            topic().addListener(String.class, (channel, message) -> received(message));
            listening.set(true);
        } catch (RedisException e) {
            LOG.log(Level.WARNING, "cannot listen for stop signals yet: {0}", e.toString());
        }
    }

    /** Stops the room's answer, wherever it streams. */
    public void stop(long roomId) {
        Answer here = chats.answerIn(roomId);
        if (here != null) {
            if (here.stop()) {
                AppMetrics.interrupted("stop");
            }
            return;
        }
        publish(STOP + roomId);
    }

    void roomDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomDeleted deleted) {
        if (!publish(DELETED + deleted.roomId())) {
            deletedHere(deleted.roomId());
        }
    }

    private boolean publish(String message) {
        try {
            topic().publish(message);
            return true;
        } catch (RedisException e) {
            LOG.log(Level.WARNING, "could not signal other instances ({0}): {1}", new Object[] {message, e.toString()});
            return false;
        }
    }

    void received(String message) {
        try {
            if (message.startsWith(STOP)) {
                Answer answer = chats.answerIn(Long.parseLong(message.substring(STOP.length())));
                if (answer != null && answer.stop()) {
                    AppMetrics.interrupted("stop");
                }
            } else if (message.startsWith(DELETED)) {
                deletedHere(Long.parseLong(message.substring(DELETED.length())));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not act on signal " + message, e);
        }
    }

    /** The room and its log are gone: its answer here ends unstored, and its sockets close. */
    private void deletedHere(long roomId) {
        Answer answer = chats.answerIn(roomId);
        if (answer != null) {
            answer.abandon();
            chats.end(answer);
            if (answer.claim() != null) {
                claims.release(answer.claim());
            }
        }
        for (ChatSession chat : chats.socketsIn(roomId)) {
            chat.out().close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "room deleted"));
        }
    }

    private RTopic topic() {
        return redis.client().getTopic(TOPIC, StringCodec.INSTANCE);
    }
}
