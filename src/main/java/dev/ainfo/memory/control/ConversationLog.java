package dev.ainfo.memory.control;

import dev.ainfo.memory.entity.MemoryMessage;
import java.util.List;

/** Where a lost buffer is rebuilt from: the room's stored messages. */
public interface ConversationLog {

    /**
     * The newest {@code limit} remembered-worthy messages of the room before the message
     * {@code beforeId} (all when null), oldest first. Failed or stopped answers are left out.
     */
    List<MemoryMessage> recent(long roomId, Long beforeId, int limit);
}
