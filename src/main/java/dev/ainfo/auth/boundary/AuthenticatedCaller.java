package dev.ainfo.auth.boundary;

import dev.ainfo.auth.control.InvalidToken;
import dev.ainfo.auth.control.TokenVerifier;
import dev.ainfo.auth.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The caller of a REST request, judged by the same {@link TokenVerifier} as the chat socket's
 * handshake, so one token opens both or neither. The server's own MicroProfile JWT mechanism is not
 * used (no {@code @LoginConfig}): its rules differ between servers and from the socket's.
 */
@RequestScoped
public class AuthenticatedCaller {

    private static final Logger LOG = Logger.getLogger(AuthenticatedCaller.class.getName());

    @Inject
    HttpServletRequest request;

    @Inject
    TokenVerifier tokens;

    private Caller caller;

    public Caller require() {
        if (caller == null) {
            try {
                caller = tokens.verify(bearerToken(request.getHeader("Authorization")));
            } catch (InvalidToken e) {
                LOG.log(Level.FINE, "REST call refused with 401: {0}", e.getMessage());
                throw new NotAuthorizedException("a valid bearer token is required", (Object) "Bearer");
            }
        }
        return caller;
    }

    public Caller requireAdmin() {
        Caller current = require();
        if (!current.isAdmin()) {
            throw new ForbiddenException("the admin role is required");
        }
        return current;
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static String bearerToken(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }
}
