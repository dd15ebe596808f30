package dev.ainfo.platform.wildfly;

import dev.ainfo.auth.control.HandshakeCheck;
import dev.ainfo.auth.control.RoomIds;
import dev.ainfo.auth.entity.HandshakeVerdict;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses a chat socket's upgrade with 401 or 403 before Undertow performs it, since Undertow's
 * {@code modifyHandshake} cannot set a status. The same {@link HandshakeCheck} decides as in the
 * WebSocket configurator, which checks again (a verdict cannot travel from a filter to it); if this
 * filter were missing, the endpoint would still close a refused socket with 1008.
 */
public class HandshakeRefusalFilter extends HttpFilter {

    static final String PATH = "/ws/chat/*";
    private static final Logger LOG = Logger.getLogger(HandshakeRefusalFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            chain.doFilter(request, response);
            return;
        }
        HandshakeVerdict verdict;
        try {
            verdict = CDI.current().select(HandshakeCheck.class).get()
                    .check(tokenOf(request), request.getHeader("Origin"), request.getHeader("Host"),
                            roomIdOf(request.getRequestURI()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "handshake check failed", e);
            verdict = HandshakeVerdict.refuse(HandshakeVerdict.UNAUTHORIZED, "handshake check failed");
        }
        if (verdict.accepted()) {
            chain.doFilter(request, response);
            return;
        }
        if (verdict.refusalStatus() == HandshakeVerdict.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setStatus(verdict.refusalStatus());
        response.setContentLength(0);
    }

    static String tokenOf(HttpServletRequest request) {
        String fromQuery = request.getParameter("token");
        if (fromQuery != null) {
            return fromQuery;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    /** From the raw request URI, as the configurator reads it (see {@link RoomIds#ofPath}). */
    static String roomIdOf(String path) {
        return RoomIds.ofPath(path);
    }
}
