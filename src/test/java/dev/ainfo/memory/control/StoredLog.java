package dev.ainfo.memory.control;

import dev.ainfo.memory.entity.MemoryMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chat log as the tests keep it: rows with ids and statuses, read back with ChatLogs.page's
 * semantics (newest {@code limit} before an id, oldest first), complete answers only.
 */
final class StoredLog implements ConversationLog {

    record Row(long id, String role, String message, boolean complete) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    synchronized long question(String text) {
        long id = ids.incrementAndGet();
        rows.add(new Row(id, "user", text, true));
        return id;
    }

    synchronized long answer(String text) {
        long id = ids.incrementAndGet();
        rows.add(new Row(id, "bot", text, true));
        return id;
    }

    synchronized long failedAnswer(String text) {
        long id = ids.incrementAndGet();
        rows.add(new Row(id, "bot", text, false));
        return id;
    }

    private int reads;

    /** How often the store asked the log: each time is a database query in production. */
    synchronized int reads() {
        return reads;
    }

    @Override
    public synchronized List<MemoryMessage> recent(long roomId, Long beforeId, int limit) {
        reads++;
        List<Row> before = rows.stream().filter(r -> beforeId == null || r.id() < beforeId).toList();
        return before.subList(Math.max(0, before.size() - limit), before.size()).stream()
                .filter(r -> "user".equals(r.role()) || r.complete())
                .map(r -> new MemoryMessage(r.role(), r.message()))
                .toList();
    }
}
