package dev.ainfo.rooms.control;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class InvalidRoomTitle extends RuntimeException {
    public InvalidRoomTitle(String message) {
        super(message);
    }
}
