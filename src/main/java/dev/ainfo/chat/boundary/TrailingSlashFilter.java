package dev.ainfo.chat.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /ws/chat/42/} is the same room as {@code /ws/chat/42} (the original service's URLs ended
 * in a slash). Declared filters run before the WebSocket container's, which then sees no slash.
 */
@WebFilter(urlPatterns = "/ws/chat/*", asyncSupported = true)
public class TrailingSlashFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = request.getRequestURI();
        if (uri.length() > 1 && uri.endsWith("/")) {
            String trimmed = uri.substring(0, uri.length() - 1);
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public String getRequestURI() {
                    return trimmed;
                }

                @Override
                public StringBuffer getRequestURL() {
                    StringBuffer url = super.getRequestURL();
                    return url.charAt(url.length() - 1) == '/' ? url.deleteCharAt(url.length() - 1) : url;
                }

                @Override
                public String getPathInfo() {
                    String path = super.getPathInfo();
                    return path != null && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                }
            }, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
