package dev.ainfo.profile.control;

import jakarta.ejb.ApplicationException;

/** A profile the API refuses; an IllegalArgumentException, so it is answered 400 problem+json. */
@ApplicationException(rollback = true)
public class InvalidProfile extends IllegalArgumentException {
    public InvalidProfile(String message) {
        super(message);
    }
}
