package dev.ainfo.rooms.control;

import dev.ainfo.rooms.entity.ChatLog;
import dev.ainfo.rooms.entity.ChatRoom;
import dev.ainfo.rooms.entity.MessageStatus;
import dev.ainfo.rooms.entity.Source;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The storage side of an answer, rehearsed by the warm-up: a room, its question and answer through
 * {@link ChatLogs}, and the history page a socket reads, all in one transaction that is rolled back,
 * so no user data is written. (No {@code RoomCreated} event either: that would give the room a memory.)
 */
@Stateless
public class StorageRehearsal {

    static final String OWNER = "ainfo-warmup";

    @PersistenceContext
    EntityManager em;

    @Inject
    ChatLogs logs;

    @Resource
    SessionContext context;

    /** Stores and reads back one exchange, then rolls it back; returns the page as it was read. */
    public List<ChatLog> rehearse(String question, String answer, List<Source> sources, int historyLimit) {
        ChatRoom room = new ChatRoom(OWNER, "warm-up", Instant.now());
        em.persist(room);
        em.flush();
        // As an answer is stored: its row with the question at stream start, progress, then its end.
        long answerId = logs.appendQuestionAndAnswer(room.getId(), question);
        logs.progress(Map.of(answerId, answer.substring(0, answer.length() / 2)));
        logs.finish(answerId, answer, MessageStatus.COMPLETE, sources);
        // The page is read as a socket reads it: a read-only query, which EclipseLink runs on a pooled
        // connection of its own, outside this transaction, so it cannot see the rows above (never
        // committed). The frames still need a page: the same query inside the transaction gives it.
        List<ChatLog> page = logs.page(room.getId(), null, historyLimit);
        if (page.isEmpty()) {
            page = new ArrayList<>(em.createNamedQuery(ChatLog.LATEST_IN_ROOM, ChatLog.class)
                    .setParameter("room", room.getId()).setMaxResults(historyLimit).getResultList());
            Collections.reverse(page);
        }
        // Last: Payara refuses calls to other beans inside a transaction already marked for rollback.
        // Should anything above fail, its exception rolls the transaction back just the same.
        context.setRollbackOnly();
        return page;
    }
}
