package dev.ainfo.auth.boundary;

import dev.ainfo.auth.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of a REST request, as Payara's MicroProfile JWT mechanism verified it. */
@RequestScoped
public class AuthenticatedCaller {

    @Inject
    JsonWebToken jwt;

    public Caller require() {
        if (jwt == null || jwt.getRawToken() == null) {
            throw new NotAuthorizedException("Bearer");
        }
        String user = firstPresent(jwt.getSubject(), jwt.getClaim("upn"), jwt.getClaim("preferred_username"));
        if (user == null) {
            throw new NotAuthorizedException("Bearer");
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        return new Caller(user, groups, Instant.ofEpochSecond(jwt.getExpirationTime()));
    }

    public Caller requireAdmin() {
        Caller caller = require();
        if (!caller.isAdmin()) {
            throw new jakarta.ws.rs.ForbiddenException("the admin role is required");
        }
        return caller;
    }

    private static String firstPresent(Object... values) {
        for (Object value : values) {
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return null;
    }
}
