package dev.ainfo.rooms.control;

/** Fired inside the deleting transaction; observers that clean up elsewhere listen after success. */
public record RoomDeleted(String ownerId, long roomId) {
}
