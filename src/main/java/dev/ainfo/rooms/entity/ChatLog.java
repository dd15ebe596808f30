package dev.ainfo.rooms.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "chat_log")
@NamedQuery(name = ChatLog.LATEST_IN_ROOM,
        query = "SELECT l FROM ChatLog l WHERE l.room.id = :room ORDER BY l.id DESC")
@NamedQuery(name = ChatLog.LATEST_IN_ROOM_BEFORE,
        query = "SELECT l FROM ChatLog l WHERE l.room.id = :room AND l.id < :before ORDER BY l.id DESC")
public class ChatLog {

    // Read here, written by ChatLogs' statements. Ids are the order of messages: the sequence hands
    // them out one at a time from the database (V3), so messages written by different instances still
    // sort by id as they happened.

    public static final String SEQUENCE = "chat_log_seq";
    public static final String LATEST_IN_ROOM = "ChatLog.latestInRoom";
    public static final String LATEST_IN_ROOM_BEFORE = "ChatLog.latestInRoomBefore";

    @Id
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "room_id", nullable = false)
    private ChatRoom room;

    @Convert(converter = MessageRole.Converter.class)
    @Column(nullable = false, length = 8)
    private MessageRole role;

    public static final int MAX_MESSAGE_CHARS = 1_000_000;

    @Column(nullable = false, length = MAX_MESSAGE_CHARS)
    private String message;

    @Column(nullable = false)
    private Instant timestamp;

    @Convert(converter = MessageStatus.Converter.class)
    @Column(nullable = false, length = 16)
    private MessageStatus status;

    @Convert(converter = SourcesConverter.class)
    @Column(nullable = false, length = 20_000)
    private List<Source> sources;

    protected ChatLog() {
    }


    public Long getId() {
        return id;
    }

    public ChatRoom getRoom() {
        return room;
    }

    public MessageRole getRole() {
        return role;
    }

    public String getMessage() {
        return message;
    }

    public Instant getTimestamp() {
        return timestamp;
    }

    public MessageStatus getStatus() {
        return status;
    }

    public List<Source> getSources() {
        return sources;
    }
}
