package dev.ainfo.profile.control;

import dev.ainfo.profile.entity.Profile;
import dev.ainfo.profile.entity.UserProfile;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Each user's profile, keyed by the user id their token carries. Values are stored as given:
 * callers validate them first (the REST API through ProfileReader).
 */
@Stateless
public class Profiles {

    @PersistenceContext
    EntityManager em;

    /** Asked for every question, so it is a plain read without a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Profile> find(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(UserProfile.class, userId)).map(UserProfile::toProfile);
    }

    /** Replaces the user's profile; an empty one clears it, so "no profile" has one representation. */
    public Profile save(String userId, Profile profile) {
        if (profile == null || profile.isEmpty()) {
            clear(userId);
            return Profile.EMPTY;
        }
        UserProfile stored = em.find(UserProfile.class, userId);
        if (stored == null) {
            em.persist(new UserProfile(userId, profile, Instant.now()));
            em.flush(); // a concurrent first save fails here, inside the call, rather than at commit
        } else {
            stored.replace(profile, Instant.now());
        }
        return profile;
    }

    /** Deletes the user's profile; false if there was none. */
    public boolean clear(String userId) {
        UserProfile stored = em.find(UserProfile.class, userId);
        if (stored == null) {
            return false;
        }
        em.remove(stored);
        return true;
    }
}
