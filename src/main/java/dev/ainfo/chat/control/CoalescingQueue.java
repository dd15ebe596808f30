package dev.ainfo.chat.control;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Runs work for a key on an executor, with at most one piece per key waiting: a piece that finds
 * another for its key still queued is dropped, because the queued one will do its work too (a memory
 * update stores every turn noted for its conversation). Once a piece starts, the next one queues again.
 */
final class CoalescingQueue {

    private final Executor executor;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    CoalescingQueue(Executor executor) {
        this.executor = executor;
    }

    /** Queues {@code work} unless {@code coalesce} and a piece for {@code key} is still waiting. */
    void submit(String key, boolean coalesce, Runnable work) {
        if (coalesce && !waiting.add(key)) {
            return;
        }
        executor.execute(() -> {
            if (coalesce) {
                waiting.remove(key);
            }
            work.run();
        });
    }
}
