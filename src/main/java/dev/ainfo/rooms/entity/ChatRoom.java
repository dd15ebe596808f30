package dev.ainfo.rooms.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "chat_room")
@NamedQuery(name = ChatRoom.BY_OWNER,
        query = "SELECT r FROM ChatRoom r WHERE r.ownerId = :owner ORDER BY r.createdAt DESC, r.id DESC")
public class ChatRoom {

    public static final String BY_OWNER = "ChatRoom.byOwner";
    public static final int MAX_TITLE_LENGTH = 100;

    @Id
    @SequenceGenerator(name = "chat_room_seq", sequenceName = "chat_room_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_room_seq")
    private Long id;

    @Column(name = "owner_id", nullable = false)
    private String ownerId;

    @Column(nullable = false, length = MAX_TITLE_LENGTH)
    private String title;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ChatRoom() {
    }

    public ChatRoom(String ownerId, String title, Instant createdAt) {
        this.ownerId = ownerId;
        this.title = title;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getTitle() {
        return title;
    }

    public void rename(String newTitle) {
        this.title = newTitle;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isOwnedBy(String userId) {
        return ownerId.equals(userId);
    }
}
