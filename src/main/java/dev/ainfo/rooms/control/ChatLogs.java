package dev.ainfo.rooms.control;

import dev.ainfo.rooms.entity.ChatLog;
import dev.ainfo.rooms.entity.ChatRoom;
import dev.ainfo.rooms.entity.MessageRole;
import dev.ainfo.rooms.entity.MessageStatus;
import dev.ainfo.rooms.entity.Source;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The stored messages of rooms, written once and read oldest first. */
@Stateless
public class ChatLogs {

    public static final int MAX_PAGE = 200;

    @PersistenceContext
    EntityManager em;

    public ChatLog appendQuestion(long roomId, String question) {
        return append(roomId, MessageRole.USER, question, MessageStatus.COMPLETE, List.of());
    }

    public ChatLog appendAnswer(long roomId, String answer, MessageStatus status, List<Source> sources) {
        return append(roomId, MessageRole.BOT, answer, status, sources);
    }

    private ChatLog append(long roomId, MessageRole role, String text, MessageStatus status, List<Source> sources) {
        ChatRoom room = em.getReference(ChatRoom.class, roomId);
        ChatLog log = new ChatLog(room, role, text, Instant.now(), status, sources);
        em.persist(log);
        em.flush();
        return log;
    }

    /**
     * The newest {@code limit} messages before {@code beforeId} (all when null), oldest first. Runs on
     * every socket open: read-only and outside a transaction, so EclipseLink neither starts one nor
     * copies each row into a unit of work.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ChatLog> page(long roomId, Long beforeId, int limit) {
        TypedQuery<ChatLog> query = beforeId == null
                ? em.createNamedQuery(ChatLog.LATEST_IN_ROOM, ChatLog.class)
                : em.createNamedQuery(ChatLog.LATEST_IN_ROOM_BEFORE, ChatLog.class).setParameter("before", beforeId);
        List<ChatLog> newestFirst = query.setParameter("room", roomId)
                .setHint("eclipselink.read-only", "true")
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultList();
        List<ChatLog> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
