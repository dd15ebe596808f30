package dev.ainfo.memory.control;

import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.rooms.control.ChatLogs;
import dev.ainfo.rooms.entity.MessageRole;
import dev.ainfo.rooms.entity.MessageStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The rebuild source in the server: the room's stored ChatLog rows, complete answers only. */
@ApplicationScoped
public class ChatLogHistory implements ConversationLog {

    @EJB // not @Inject: a hot path, and Weld's EJB proxy costs an exception per call (docs/performance.md)
    ChatLogs logs;

    @Override
    public List<MemoryMessage> recent(long roomId, Long beforeId, int limit) {
        return logs.page(roomId, beforeId, limit).stream()
                .filter(log -> log.getRole() == MessageRole.USER || log.getStatus() == MessageStatus.COMPLETE)
                .map(log -> new MemoryMessage(log.getRole().wireName(), log.getMessage()))
                .toList();
    }
}
