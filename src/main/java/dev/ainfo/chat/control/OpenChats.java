package dev.ainfo.chat.control;

import dev.ainfo.platform.control.AppMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What this instance holds in memory, and only what cannot be elsewhere: its open sockets (with
 * their seats under the users' caps) and the answers it streams. Whatever must hold across
 * instances (claims, caps, pending memory) lives in Redis or the database.
 */
@ApplicationScoped
public class OpenChats {

    private final ConcurrentMap<ChatSession, SocketCap.Seat> sockets = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Answer> answers = new ConcurrentHashMap<>();

    @PostConstruct
    void meter() {
        AppMetrics.gauge("ainfo_sockets_open", "open chat sockets", sockets, Map::size);
        AppMetrics.gauge("ainfo_answers_in_flight", "answers being prepared or streamed", answers, Map::size);
    }

    void opened(ChatSession chat, SocketCap.Seat seat) {
        sockets.put(chat, seat);
    }

    /** The socket's seat, once: null if it was already closed. */
    SocketCap.Seat closed(ChatSession chat) {
        return sockets.remove(chat);
    }

    Collection<SocketCap.Seat> seats() {
        return List.copyOf(sockets.values());
    }

    List<ChatSession> sockets() {
        return List.copyOf(sockets.keySet());
    }

    List<ChatSession> socketsIn(long roomId) {
        return sockets.keySet().stream().filter(chat -> chat.roomId() == roomId).toList();
    }

    /** False if another answer streams in the room on this instance. */
    boolean start(Answer answer) {
        return answers.putIfAbsent(answer.chat().roomId(), answer) == null;
    }

    void end(Answer answer) {
        answers.remove(answer.chat().roomId(), answer);
    }

    Answer answerIn(long roomId) {
        return answers.get(roomId);
    }

    List<Answer> answers() {
        return List.copyOf(answers.values());
    }
}
