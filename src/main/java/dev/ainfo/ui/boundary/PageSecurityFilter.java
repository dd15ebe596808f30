package dev.ainfo.ui.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A strict Content-Security-Policy on the chat page and its assets. A header rather than a meta tag,
 * because the page must be allowed to reach the configured OpenID Connect issuer, and only that.
 */
@WebFilter(urlPatterns = {"/", "/index.html", "/assets/*"})
public class PageSecurityFilter extends HttpFilter {

    @Inject
    UiSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String issuer = settings.oidcOrigin().map(o -> " " + o).orElse("");
        response.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; font-src 'self'; manifest-src 'self'; connect-src 'self'" + issuer + "; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }
}
