package dev.ainfo.platform.boundary;

import dev.ainfo.platform.control.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every REST call and socket handshake a request id for the log: the caller's
 * {@code X-Request-Id} when it is a plain token (a load balancer's), else a new one; echoed in the reply.
 */
@WebFilter(urlPatterns = {"/api/*", "/ws/*"})
public class RequestIds extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String given = request.getHeader(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        try (LogContext.Scope ignored = LogContext.enter(new LogContext.Fields(null, null, null, id))) {
            chain.doFilter(request, response);
        }
    }
}
