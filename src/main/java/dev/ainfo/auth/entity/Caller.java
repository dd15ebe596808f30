package dev.ainfo.auth.entity;

import java.time.Instant;
import java.util.Set;

/** The verified user behind a request or a socket. */
public record Caller(String userId, Set<String> groups, Instant expiresAt) {

    public static final String ADMIN = "admin";

    public Caller {
        groups = Set.copyOf(groups);
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN);
    }
}
