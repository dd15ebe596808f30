package dev.ainfo.rooms.control;

import dev.ainfo.rooms.entity.ChatRoom;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A user's chat rooms. Another user's room is treated exactly like a missing one. */
@Stateless
public class Rooms {

    public static final String DEFAULT_TITLE = "새 채팅";

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<RoomDeleted> deletions;

    @Inject
    Event<RoomCreated> creations;

    public ChatRoom create(String ownerId, String title) {
        ChatRoom room = new ChatRoom(ownerId, titleOrDefault(title), Instant.now());
        em.persist(room);
        em.flush();
        creations.fire(new RoomCreated(ownerId, room.getId()));
        return room;
    }

    public List<ChatRoom> ownedBy(String ownerId) {
        return em.createNamedQuery(ChatRoom.BY_OWNER, ChatRoom.class)
                .setParameter("owner", ownerId)
                .getResultList();
    }

    public Optional<ChatRoom> owned(String ownerId, long roomId) {
        return Optional.ofNullable(em.find(ChatRoom.class, roomId))
                .filter(room -> room.isOwnedBy(ownerId));
    }

    /** Asked at every socket handshake: a read, so no transaction is started for it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isOwner(String ownerId, long roomId) {
        return owned(ownerId, roomId).isPresent();
    }

    public Optional<ChatRoom> rename(String ownerId, long roomId, String title) {
        return owned(ownerId, roomId).map(room -> {
            room.rename(titleOrDefault(title));
            return room;
        });
    }

    /** Deletes the room; its logs go by the foreign key's cascade, its memory through the event. */
    public boolean delete(String ownerId, long roomId) {
        Optional<ChatRoom> room = owned(ownerId, roomId);
        room.ifPresent(r -> {
            em.remove(r);
            deletions.fire(new RoomDeleted(ownerId, roomId));
        });
        return room.isPresent();
    }

    static String titleOrDefault(String title) {
        if (title == null || title.isBlank()) {
            return DEFAULT_TITLE;
        }
        String trimmed = title.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > ChatRoom.MAX_TITLE_LENGTH) {
            throw new InvalidRoomTitle("title is longer than " + ChatRoom.MAX_TITLE_LENGTH + " characters");
        }
        return trimmed;
    }
}
