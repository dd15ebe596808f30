package dev.ainfo.rooms.control;

import dev.ainfo.rooms.entity.ChatLog;
import dev.ainfo.rooms.entity.ChatRoom;
import dev.ainfo.rooms.entity.MessageRole;
import dev.ainfo.rooms.entity.MessageStatus;
import dev.ainfo.rooms.entity.SourcesConverter;
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
    private static final SourcesConverter SOURCES = new SourcesConverter();

    @PersistenceContext
    EntityManager em;

    public ChatLog appendQuestion(long roomId, String question) {
        return append(roomId, MessageRole.USER, question, MessageStatus.COMPLETE, List.of());
    }

    public ChatLog appendAnswer(long roomId, String answer, MessageStatus status, List<Source> sources) {
        return append(roomId, MessageRole.BOT, answer, status, sources);
    }

    /**
     * The question and its answer's row, in one transaction: the answer starts as {@code streaming}
     * with no text, and is updated as it streams, so a question is never stored without its answer.
     * Returns the answer's row.
     */
    public ChatLog appendQuestionAndAnswer(long roomId, String question) {
        append(roomId, MessageRole.USER, question, MessageStatus.COMPLETE, List.of());
        return append(roomId, MessageRole.BOT, "", MessageStatus.STREAMING, List.of());
    }

    /** What has streamed so far, while the answer is still streaming; also proves its instance alive. */
    public boolean progress(long answerId, String text) {
        return em.createNativeQuery("UPDATE chat_log SET message = ?, updated_at = ? WHERE id = ? AND status = 'streaming'")
                .setParameter(1, text).setParameter(2, utc(Instant.now())).setParameter(3, answerId)
                .executeUpdate() == 1;
    }

    /**
     * The answer's end: its text, status and sources, in one statement (reading the row into the
     * persistence context first cost a query and EclipseLink's change tracking on every answer).
     * False if its room is gone.
     */
    public boolean finish(long answerId, String text, MessageStatus status, List<Source> sources) {
        return em.createNativeQuery("UPDATE chat_log SET message = ?, status = ?, sources = ?, updated_at = NULL WHERE id = ?")
                .setParameter(1, text)
                .setParameter(2, new MessageStatus.Converter().convertToDatabaseColumn(status))
                .setParameter(3, SOURCES.convertToDatabaseColumn(sources))
                .setParameter(4, answerId)
                .executeUpdate() == 1;
    }

    /**
     * Answers left {@code streaming} by an instance that stopped proving itself alive before
     * {@code cutoff} (it died): they keep what they had streamed, as stopped.
     */
    public int stopStale(Instant cutoff) {
        return em.createNativeQuery("UPDATE chat_log SET status = 'stopped', updated_at = NULL "
                        + "WHERE status = 'streaming' AND updated_at < ?")
                .setParameter(1, utc(cutoff))
                .executeUpdate();
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
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
