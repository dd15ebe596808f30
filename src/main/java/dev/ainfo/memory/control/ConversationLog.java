package dev.ainfo.memory.control;

import dev.ainfo.memory.entity.MemoryMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Where a lost buffer is rebuilt from: the room's stored messages. */
public interface ConversationLog {

    /**
     * The newest {@code limit} remembered-worthy messages of the room before the message
     * {@code beforeId} (all when null), oldest first. Failed or stopped answers are left out.
     */
    List<MemoryMessage> recent(long roomId, Long beforeId, int limit);

    /**
     * As {@link #recent}, ending with an answer: a trailing question is the one being answered now.
     * Empty when the log cannot be read, since memory must never fail an answer.
     */
    default List<MemoryMessage> answeredTurns(long roomId, Long beforeId, int limit) {
        List<MemoryMessage> recent;
        try {
            recent = new ArrayList<>(recent(roomId, beforeId, limit));
        } catch (RuntimeException e) {
            Logger.getLogger(ConversationLog.class.getName())
                    .log(Level.WARNING, "could not rebuild memory of room " + roomId + " from the chat log", e);
            return List.of();
        }
        while (!recent.isEmpty() && "user".equals(recent.get(recent.size() - 1).role())) {
            recent.remove(recent.size() - 1);
        }
        return recent;
    }
}
