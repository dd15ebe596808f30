package dev.ainfo.memory.control;

import dev.ainfo.memory.entity.MemorySnapshot;
import jakarta.enterprise.context.ApplicationScoped;

/** Summary-plus-buffer memory per (user, room). Placeholder until the memory issue lands: remembers nothing. */
@ApplicationScoped
public class ConversationMemory {

    public MemorySnapshot load(String userId, long roomId) {
        return MemorySnapshot.EMPTY;
    }

    /** Called after the done frame with the stored question and answer ids (for idempotence). */
    public void remember(String userId, long roomId, long answerId, String question, String answer) {
    }

    public void forget(String userId, long roomId) {
    }
}
