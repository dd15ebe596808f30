package dev.ainfo.auth.control;

import dev.ainfo.auth.entity.Caller;
import dev.ainfo.auth.entity.HandshakeVerdict;
import dev.ainfo.platform.control.CommaList;
import dev.ainfo.rooms.control.Rooms;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides whether a WebSocket upgrade may proceed: a valid token, an allowed Origin, and a room the
 * caller owns. A missing room and another user's room get the same answer, so ids cannot be probed.
 */
@ApplicationScoped
public class HandshakeCheck {

    private static final Logger LOG = Logger.getLogger(HandshakeCheck.class.getName());

    @Inject
    TokenVerifier tokens;

    @EJB // not @Inject: a hot path, and Weld's EJB proxy costs an exception per call (docs/performance.md)
    Rooms rooms;

    @Inject
    @ConfigProperty(name = "ainfo.ws.allowed-origins")
    Optional<String> allowedOrigins;

    public HandshakeVerdict check(String token, String origin, String host, String roomIdText) {
        Caller caller;
        try {
            caller = tokens.verify(token);
        } catch (InvalidToken e) {
            LOG.log(Level.INFO, "handshake refused with 401: {0}", e.getMessage());
            return HandshakeVerdict.refuse(HandshakeVerdict.UNAUTHORIZED, "invalid token");
        }
        if (!originAllowed(origin, host)) {
            return HandshakeVerdict.refuse(HandshakeVerdict.FORBIDDEN, "origin not allowed");
        }
        Optional<Long> roomId = RoomIds.parse(roomIdText);
        if (roomId.isEmpty() || !rooms.isOwner(caller.userId(), roomId.get())) {
            return HandshakeVerdict.refuse(HandshakeVerdict.FORBIDDEN, "no such room");
        }
        return HandshakeVerdict.accept(caller, roomId.get());
    }

    /**
     * Without {@code ainfo.ws.allowed-origins}, only the page's own origin: the Origin's host and
     * port must be the request's Host. Listed origins replace that default ({@code *} allows all).
     */
    boolean originAllowed(String origin, String host) {
        // Browsers always send Origin on a WebSocket upgrade; a client without one cannot be
        // lured into a cross-site request, and must still prove itself with a token.
        if (origin == null) {
            return true;
        }
        List<String> allowed = CommaList.of(allowedOrigins);
        if (allowed.isEmpty()) {
            return Origins.sameOrigin(origin, host);
        }
        return allowed.contains("*") || allowed.stream().anyMatch(a -> Origins.equal(a, origin));
    }
}
