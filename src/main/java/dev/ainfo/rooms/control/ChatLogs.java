package dev.ainfo.rooms.control;

import dev.ainfo.rooms.entity.ChatLog;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The stored messages of rooms, written once and read oldest first. An EJB, not a CDI bean with
 * {@code @Transactional}: reads outside a transaction need the EJB call as the boundary that closes
 * their entity manager (on Payara's long-lived worker threads, a CDI bean's was reused once closed).
 */
@Stateless
public class ChatLogs {

    public static final int MAX_PAGE = 200;
    private static final SourcesConverter SOURCES = new SourcesConverter();
    /** Two ids in one statement; {@code nextval} and a {@code VALUES} table are both H2's and PostgreSQL's. */
    private static final String TWO_IDS = "SELECT nextval('" + ChatLog.SEQUENCE + "') FROM (VALUES (1), (2)) AS t(x)";

    @PersistenceContext
    EntityManager em;

    /**
     * The question and its answer's row, in one transaction: the answer starts as {@code streaming}
     * with no text, and is updated as it streams, so a question is never stored without its answer.
     * Returns the answer's id.
     *
     * <p>Plain statements on the transaction's connection: EclipseLink's persist took each id from the
     * sequence on a pooled connection of its own, outside the transaction, and tracked both entities
     * for the flush; that was a tenth of the server's CPU per answer.
     */
    public long appendQuestionAndAnswer(long roomId, String question) {
        long[] ids = twoIds();
        long questionId = ids[0];
        long answerId = ids[1]; // after the question's: ids are the messages' order
        OffsetDateTime now = utc(Instant.now());
        String none = SOURCES.convertToDatabaseColumn(List.of());
        em.createNativeQuery("INSERT INTO chat_log (id, room_id, role, message, timestamp, status, sources, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL), (?, ?, ?, '', ?, ?, ?, ?)")
                .setParameter(1, questionId).setParameter(2, roomId).setParameter(3, MessageRole.USER.wireName())
                .setParameter(4, question).setParameter(5, now).setParameter(6, MessageStatus.COMPLETE.wireName())
                .setParameter(7, none)
                .setParameter(8, answerId).setParameter(9, roomId).setParameter(10, MessageRole.BOT.wireName())
                .setParameter(11, now).setParameter(12, MessageStatus.STREAMING.wireName()).setParameter(13, none)
                .setParameter(14, now)
                .executeUpdate();
        return answerId;
    }

    /** What has streamed of each answer still streaming, in one transaction; also proves their instance alive. */
    public int progress(Map<Long, String> textByAnswer) {
        int updated = 0;
        for (Map.Entry<Long, String> answer : textByAnswer.entrySet()) {
            if (progress(answer.getKey().longValue(), answer.getValue())) {
                updated++;
            }
        }
        return updated;
    }

    private boolean progress(long answerId, String text) {
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
                .setParameter(2, status.wireName())
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

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The next two message ids, smaller first, on the transaction's connection. */
    private long[] twoIds() {
        List<?> rows = em.createNativeQuery(TWO_IDS).getResultList();
        long[] ids = {((Number) rows.get(0)).longValue(), ((Number) rows.get(1)).longValue()};
        Arrays.sort(ids);
        return ids;
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
