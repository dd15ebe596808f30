package dev.ainfo.rooms.control;

/** Fired inside the creating transaction; observers that set up elsewhere listen after success. */
public record RoomCreated(String ownerId, long roomId) {
}
